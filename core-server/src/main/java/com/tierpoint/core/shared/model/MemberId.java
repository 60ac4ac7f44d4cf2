package com.tierpoint.core.shared.model;

/** Member ids travel as decimal strings (safe in JavaScript); inside the core they are longs. */
public final class MemberId {

    private MemberId() {}

    /** The id, or null when the text is not a positive decimal long. */
    public static Long parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 19) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return null;
            }
        }
        try {
            long id = Long.parseLong(text);
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Parses an id already validated by {@link Validation#memberId}. */
    public static long of(String text) {
        Long id = parse(text);
        if (id == null) {
            throw InvalidArgument.of("member_id", "must be a member id (a positive decimal number)");
        }
        return id;
    }
}
