package com.tierpoint.core.operator.model;

import java.time.Instant;

/** A WeCom operator of the console, identified by their WeCom userid. */
public record Operator(
        String userId,
        String name,
        OperatorRole role,
        long dailyGrantCap,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    public boolean isActiveAdmin() {
        return active && role == OperatorRole.ADMIN;
    }
}
