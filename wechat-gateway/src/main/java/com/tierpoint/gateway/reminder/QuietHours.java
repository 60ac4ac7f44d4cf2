package com.tierpoint.gateway.reminder;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The local hours during which no reminder goes out, e.g. {@code 22:00-08:00} in Asia/Shanghai.
 * A reminder due then is held until they end, never dropped for it.
 */
final class QuietHours {

    private final LocalTime from;
    private final LocalTime to;
    private final ZoneId zone;

    private QuietHours(LocalTime from, LocalTime to, ZoneId zone) {
        this.from = from;
        this.to = to;
        this.zone = zone;
    }

    /** {@code HH:mm-HH:mm}; blank means none. */
    static QuietHours parse(String spec, ZoneId zone) {
        if (spec == null || spec.isBlank()) {
            return new QuietHours(null, null, zone);
        }
        String[] parts = spec.trim().split("\\s*-\\s*");
        try {
            if (parts.length != 2) {
                throw new DateTimeParseException("expected HH:mm-HH:mm", spec, 0);
            }
            LocalTime from = LocalTime.parse(parts[0]);
            LocalTime to = LocalTime.parse(parts[1]);
            return new QuietHours(from.equals(to) ? null : from, from.equals(to) ? null : to, zone);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "tierpoint.reminders.quiet-hours must look like 22:00-08:00, not '" + spec + "'", e);
        }
    }

    /** When the quiet hours that {@code now} falls into end; empty when {@code now} is not quiet. */
    Optional<Instant> endOf(Instant now) {
        if (from == null) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        boolean wraps = from.isAfter(to);
        if (!wraps) {
            return !t.isBefore(from) && t.isBefore(to)
                    ? Optional.of(local.with(to).toInstant())
                    : Optional.empty();
        }
        if (!t.isBefore(from)) {
            return Optional.of(local.plusDays(1).with(to).toInstant());
        }
        if (t.isBefore(to)) {
            return Optional.of(local.with(to).toInstant());
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return from == null ? "none" : from + "-" + to + " " + zone;
    }
}
