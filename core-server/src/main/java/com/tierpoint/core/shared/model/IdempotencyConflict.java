package com.tierpoint.core.shared.model;

/** The idempotency key was already used for a different request. */
public final class IdempotencyConflict extends DomainException {

    public IdempotencyConflict(String key) {
        super("idempotency key '" + key + "' was already used for a different request");
    }
}
