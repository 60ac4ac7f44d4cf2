package com.tierpoint.core.points.infrastructure;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("points_lot")
public class LotRow {
    @TableId(type = IdType.INPUT)
    public Long id;

    public Long memberId;
    public Long earnTxnId;
    public Long amount;
    public Long remaining;
    public Long availableAt;
    public Long expiresAt;
    public Long createdAt;
}
