package com.tierpoint.core.operator.model;

import java.util.Map;

/**
 * Why an operator may not do something. {@code denied} rejections concern who is acting
 * (PERMISSION_DENIED); the others concern the request (FAILED_PRECONDITION).
 */
public record Rejection(String reason, String message, boolean denied, Map<String, String> metadata) {

    static Rejection denied(String reason, String message) {
        return new Rejection(reason, message, true, Map.of());
    }

    static Rejection precondition(String reason, String message, Map<String, String> metadata) {
        return new Rejection(reason, message, false, metadata);
    }
}
