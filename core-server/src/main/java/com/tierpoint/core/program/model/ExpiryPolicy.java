package com.tierpoint.core.program.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** When a lot of points earned at a given instant expires. */
public record ExpiryPolicy(Kind kind, int days) {

    /** Stored expiry of lots that never expire: 9999-12-31T00:00:00Z, sorts after every real date. */
    public static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

    public enum Kind {
        NEVER,
        DAYS_AFTER_EARN,
        END_OF_MONTH,
        END_OF_YEAR
    }

    public static ExpiryPolicy never() {
        return new ExpiryPolicy(Kind.NEVER, 0);
    }

    /** The expiry instant; "end of month" is the first instant of the next month in the zone. */
    public Instant expiryFor(Instant earnedAt, ZoneId zone) {
        LocalDate day = earnedAt.atZone(zone).toLocalDate();
        return switch (kind) {
            case NEVER -> NEVER;
            case DAYS_AFTER_EARN -> earnedAt.plus(java.time.Duration.ofDays(days));
            case END_OF_MONTH ->
                day.with(TemporalAdjusters.firstDayOfNextMonth())
                        .atStartOfDay(zone)
                        .toInstant();
            case END_OF_YEAR ->
                day.with(TemporalAdjusters.firstDayOfNextYear())
                        .atStartOfDay(zone)
                        .toInstant();
        };
    }

    public static boolean isNever(Instant expiresAt) {
        return !expiresAt.isBefore(NEVER);
    }
}
