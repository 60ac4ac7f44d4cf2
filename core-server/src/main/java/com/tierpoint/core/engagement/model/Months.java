package com.tierpoint.core.engagement.model;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Months as they travel: "YYYY-MM", in the program's time zone. */
public final class Months {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);

    private Months() {}

    /** The month named by {@code text}, or null when it is not "YYYY-MM" (year 2000 to 2999). */
    public static YearMonth parse(String text) {
        if (text == null || text.length() != 7) {
            return null;
        }
        try {
            YearMonth m = YearMonth.parse(text, FORMAT);
            return m.getYear() >= 2000 && m.getYear() <= 2999 ? m : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The named month, or the month of {@code now} in {@code zone} when the text is empty. */
    public static YearMonth orCurrent(String text, Instant now, ZoneId zone) {
        return text == null || text.isEmpty() ? YearMonth.from(now.atZone(zone)) : parse(text);
    }
}
