package com.tierpoint.core.points.infrastructure;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.tierpoint.core.points.model.Lot;
import java.time.Instant;

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

    public Lot toLot() {
        return new Lot(id, remaining, Instant.ofEpochMilli(availableAt), Instant.ofEpochMilli(expiresAt));
    }
}
