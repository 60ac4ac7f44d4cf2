package com.tierpoint.core.program.model;

/** How many days ahead reminder events are written; 0 = no reminder. */
public record Reminders(int pointsExpiringDays, int tierExpiringDays) {

    public static Reminders none() {
        return new Reminders(0, 0);
    }
}
