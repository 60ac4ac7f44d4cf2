package com.tierpoint.core.shared.infrastructure;

import java.util.function.IntFunction;

/**
 * A statement whose text depends only on how many rows or ids it carries ({@code IN (?, ?, ?)},
 * {@code VALUES (…), (…)}). The text for each count is built once and kept, so a grouped write
 * does not build and parse SQL on every call (ADR 0017).
 */
public final class SizedSql {

    /** Counts up to this are kept; a group commit's batches stay far below it. */
    static final int KEPT = 256;

    private final IntFunction<String> build;
    private final String[] kept = new String[KEPT + 1];

    public SizedSql(IntFunction<String> build) {
        this.build = build;
    }

    /** The statement for {@code n} rows (n ≥ 1). */
    public String of(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a statement needs at least one row, got " + n);
        }
        if (n > KEPT) {
            return build.apply(n);
        }
        // a race builds the same text twice; a String is immutable, so either copy is safe to share
        String sql = kept[n];
        if (sql == null) {
            sql = build.apply(n);
            kept[n] = sql;
        }
        return sql;
    }

    /** {@code unit} {@code n} times, separated by {@code separator}. */
    public static String times(int n, String unit, String separator) {
        StringBuilder b = new StringBuilder((unit.length() + separator.length()) * n);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(separator);
            }
            b.append(unit);
        }
        return b.toString();
    }

    /** {@code (?, ?, …)} with {@code n} placeholders, for an {@code IN} list. */
    public static String placeholders(int n) {
        return "(" + times(n, "?", ", ") + ")";
    }
}
