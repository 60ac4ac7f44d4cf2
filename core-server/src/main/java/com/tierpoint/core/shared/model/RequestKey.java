package com.tierpoint.core.shared.model;

/**
 * Who asked, and under which idempotency key. Keys are scoped by client, so two systems can
 * never collide on each other's keys.
 */
public record RequestKey(String clientId, String idempotencyKey) {

    public static final int MAX_KEY_LENGTH = 128;

    public static void validate(String idempotencyKey, Validation v) {
        v.notBlank(idempotencyKey, "idempotency_key", MAX_KEY_LENGTH);
    }
}
