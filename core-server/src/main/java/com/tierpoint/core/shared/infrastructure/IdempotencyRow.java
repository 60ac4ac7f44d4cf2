package com.tierpoint.core.shared.infrastructure;

import com.baomidou.mybatisplus.annotation.TableName;

@TableName("idempotency_record")
public class IdempotencyRow {
    public String clientId;
    public String idemKey;
    public String operation;
    public String requestHash;
    public String response;
    public Long createdAt;
}
