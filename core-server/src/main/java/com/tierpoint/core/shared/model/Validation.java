package com.tierpoint.core.shared.model;

import java.util.ArrayList;
import java.util.List;

/** Collects field violations of a command, then throws them all at once. */
public final class Validation {

    private final List<FieldViolation> violations = new ArrayList<>();

    public Validation require(boolean condition, String field, String description) {
        if (!condition) {
            violations.add(new FieldViolation(field, description));
        }
        return this;
    }

    public Validation notBlank(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "is required"));
        } else {
            maxLength(value, field, maxLength);
        }
        return this;
    }

    public Validation maxLength(String value, String field, int maxLength) {
        if (value != null && value.codePointCount(0, value.length()) > maxLength) {
            violations.add(new FieldViolation(field, "must be at most " + maxLength + " characters"));
        }
        return this;
    }

    public Validation positive(long value, String field) {
        return require(value > 0, field, "must be positive");
    }

    public Validation memberId(String value, String field) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation(field, "is required"));
        } else if (MemberId.parse(value) == null) {
            violations.add(new FieldViolation(field, "must be a member id (a positive decimal number)"));
        }
        return this;
    }

    public Validation add(FieldViolation violation) {
        violations.add(violation);
        return this;
    }

    public Validation addAll(List<FieldViolation> more) {
        violations.addAll(more);
        return this;
    }

    public List<FieldViolation> violations() {
        return List.copyOf(violations);
    }

    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new InvalidArgument(violations);
        }
    }
}
