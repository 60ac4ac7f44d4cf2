package com.tierpoint.core.points.infrastructure;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A line of the append-only points ledger. */
@TableName("points_txn")
public class TxnRow {
    @TableId(type = IdType.INPUT)
    public Long id;

    public Long memberId;
    public String txnType;
    public Long points;
    public Long balanceAfter;
    public String reason;
    public String source;
    public Long refTxnId;
    public String orderId;
    public Long availableAt;
    public Long expiresAt;
    public Long createdAt;
}
