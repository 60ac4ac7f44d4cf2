package com.tierpoint.core.shared.model;

/** An optimistic-concurrency check failed: the caller worked from an older version. */
public final class StaleVersion extends DomainException {

    public StaleVersion(String message) {
        super(message);
    }
}
