package com.tierpoint.core.events.model;

import java.util.regex.Pattern;

/** A durable consumer's name: 1-64 characters of {@code [A-Za-z0-9._-]}, scoped by its client. */
public final class ConsumerName {

    public static final int MAX_LENGTH = 64;
    public static final String RULE = "must be 1-" + MAX_LENGTH + " characters of A-Z a-z 0-9 . _ -";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

    private ConsumerName() {}

    public static boolean valid(String name) {
        return name != null && VALID.matcher(name).matches();
    }
}
