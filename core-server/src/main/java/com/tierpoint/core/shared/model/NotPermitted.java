package com.tierpoint.core.shared.model;

/**
 * The acting person (e.g. an operator named in the request) may not do this. {@code reason} is a
 * stable machine code such as {@code OPERATOR_READ_ONLY}. Distinct from a client key lacking a
 * scope, which the auth interceptor refuses before any use case runs.
 */
public final class NotPermitted extends DomainException {

    private final String reason;

    public NotPermitted(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
