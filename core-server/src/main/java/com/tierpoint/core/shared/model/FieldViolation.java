package com.tierpoint.core.shared.model;

/** One thing wrong with one field of a request; {@code field} is the request's field path. */
public record FieldViolation(String field, String description) {

    @Override
    public String toString() {
        return field + ": " + description;
    }
}
