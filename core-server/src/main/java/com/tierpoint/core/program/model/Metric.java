package com.tierpoint.core.program.model;

/** What a tier condition measures. */
public enum Metric {
    GROWTH_VALUE(false),
    SPEND_FEN(true),
    ORDER_COUNT(true),
    VALID_INVITES(false);

    private final boolean windowed;

    Metric(boolean windowed) {
        this.windowed = windowed;
    }

    /** Whether a condition on this metric may restrict it to a rolling window of days. */
    public boolean windowed() {
        return windowed;
    }
}
