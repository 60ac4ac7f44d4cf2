package com.tierpoint.core.points.infrastructure;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A line of the growth-value ledger (成长值), separate from spendable points. */
@TableName("growth_txn")
public class GrowthTxnRow {
    @TableId(type = IdType.INPUT)
    public Long id;

    public Long memberId;
    public Long amount;
    public Long balanceAfter;
    public String reason;
    public String source;
    public String orderId;
    public Long createdAt;
}
