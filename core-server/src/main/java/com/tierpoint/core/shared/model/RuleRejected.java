package com.tierpoint.core.shared.model;

/**
 * A well-formed request that a business rule refuses. {@code reason} is a stable machine code
 * (e.g. {@code INSUFFICIENT_POINTS}) that clients may branch on.
 */
public final class RuleRejected extends DomainException {

    private final String reason;

    public RuleRejected(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
