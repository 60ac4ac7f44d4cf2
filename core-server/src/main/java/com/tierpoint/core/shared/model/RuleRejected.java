package com.tierpoint.core.shared.model;

import java.util.Map;

/**
 * A well-formed request that a business rule refuses. {@code reason} is a stable machine code
 * (e.g. {@code INSUFFICIENT_POINTS}) that clients may branch on.
 */
public final class RuleRejected extends DomainException {

    private final String reason;
    private final Map<String, String> metadata;

    public RuleRejected(String reason, String message) {
        this(reason, message, Map.of());
    }

    /** @param metadata details clients may read (sent as {@code google.rpc.ErrorInfo} metadata) */
    public RuleRejected(String reason, String message, Map<String, String> metadata) {
        super(message);
        this.reason = reason;
        this.metadata = Map.copyOf(metadata);
    }

    public String reason() {
        return reason;
    }

    public Map<String, String> metadata() {
        return metadata;
    }
}
