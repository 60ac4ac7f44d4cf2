package com.tierpoint.core.shared.infrastructure;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("idempotency_record")
public class IdempotencyRow {
    /** Made by {@link IdGenerator}: records are stored in the order they are made (V9). */
    @TableId(type = IdType.INPUT)
    public Long id;

    public String clientId;
    public String idemKey;
    public String operation;
    public String requestHash;
    public String response;
    public Long createdAt;
}
