package com.tierpoint.core.shared.model;

/** A request the domain refuses. Each subtype maps to exactly one gRPC status at the edge. */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidArgument, NotFound, NotPermitted, RuleRejected, IdempotencyConflict, StaleVersion {

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
