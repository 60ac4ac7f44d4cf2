package com.tierpoint.core.shared.model;

import java.util.List;

/** The request itself is malformed; nothing was changed. */
public final class InvalidArgument extends DomainException {

    private final List<FieldViolation> violations;

    public InvalidArgument(List<FieldViolation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    public static InvalidArgument of(String field, String description) {
        return new InvalidArgument(List.of(new FieldViolation(field, description)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    private static String describe(List<FieldViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidArgument needs at least one violation");
        }
        StringBuilder sb = new StringBuilder("invalid request: ");
        for (int i = 0; i < violations.size(); i++) {
            if (i > 0) {
                sb.append("; ");
            }
            sb.append(violations.get(i));
        }
        return sb.toString();
    }
}
