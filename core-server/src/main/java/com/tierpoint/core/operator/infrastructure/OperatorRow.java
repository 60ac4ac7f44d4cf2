package com.tierpoint.core.operator.infrastructure;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.tierpoint.core.operator.model.Operator;
import com.tierpoint.core.operator.model.OperatorRole;
import java.time.Instant;

/** A row of {@code operator}. Instants are epoch milliseconds. */
@TableName("operator")
public class OperatorRow {
    @TableId(type = IdType.INPUT)
    public String userId;

    public String name;
    public String role;
    public Long dailyGrantCap;
    public Boolean active;
    public Long createdAt;
    public Long updatedAt;

    public Operator toOperator() {
        return new Operator(
                userId,
                name,
                OperatorRole.valueOf(role),
                dailyGrantCap,
                active,
                Instant.ofEpochMilli(createdAt),
                Instant.ofEpochMilli(updatedAt));
    }

    public static Operator toOperatorOrNull(OperatorRow row) {
        return row == null ? null : row.toOperator();
    }
}
