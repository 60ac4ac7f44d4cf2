package com.tierpoint.core.operator.infrastructure;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A row of {@code operator_audit}: append-only. */
@TableName("operator_audit")
public class AuditRow {
    @TableId(type = IdType.INPUT)
    public Long id;

    public Long at;
    public String actor;
    public String action;
    public Long memberId;
    public Long amount;
    public String reason;
    public String result;
    public String reasonCode;
    public String detail;
}
