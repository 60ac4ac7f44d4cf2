package com.tierpoint.gateway.reminder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a template's fields from an event's values: {@code "{points}"}, {@code "{expires_at|date}"},
 * {@code "升级为{to_tier_name}"}, then fits each value to what WeChat accepts for the field's type
 * (the prefix of its key: {@code thing1} is a thing, {@code character_string2} a character_string).
 * WeChat refuses the whole message (47003) when one value is too long, so long values are cut.
 *
 * <p>Filters: {@code date} (an instant or ISO date as {@code 2027年3月10日} in the program zone),
 * {@code datetime} ({@code 2027年3月10日 10:00}), {@code yuan} (fen as {@code ¥12.50}).
 */
final class MessageFields {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z0-9_.]+)(?:\\|([a-z]+))?}");
    private static final Pattern KEY_TYPE = Pattern.compile("^([a-z_]+?)\\d*$");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    /** WeChat's limits per field type, in characters (subscribeMessage.send, 参数值内容限制). */
    private static final Map<String, Integer> LIMITS = Map.of(
            "thing", 20,
            "number", 32,
            "letter", 32,
            "symbol", 5,
            "character_string", 32,
            "phone_number", 17,
            "car_number", 8,
            "phrase", 5,
            "amount", 11);

    private final ZoneId zone;

    MessageFields(ZoneId zone) {
        this.zone = zone;
    }

    /** Every field of a template, rendered from {@code values} and fitted to its type. */
    Map<String, String> render(Map<String, String> data, Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        data.forEach((key, expression) -> out.put(key, fit(key, fill(expression, values))));
        return out;
    }

    /** Fails at startup on an unknown filter rather than at the first reminder. */
    static void validate(String where, Map<String, String> data) {
        data.forEach((key, expression) -> {
            Matcher m = PLACEHOLDER.matcher(expression == null ? "" : expression);
            while (m.find()) {
                String f = m.group(2);
                if (f != null && !f.equals("date") && !f.equals("datetime") && !f.equals("yuan")) {
                    throw new IllegalArgumentException(
                            where + ".data." + key + ": unknown filter |" + f + " (date, datetime, yuan)");
                }
            }
        });
    }

    String fill(String expression, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(expression);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), "");
            m.appendReplacement(sb, Matcher.quoteReplacement(filter(value, m.group(2))));
        }
        m.appendTail(sb);
        return sb.toString().trim();
    }

    /** Cuts a value to its field type's limit; a cut thing ends with an ellipsis. */
    static String fit(String key, String value) {
        Matcher m = KEY_TYPE.matcher(key);
        String type = m.matches() ? m.group(1) : key;
        int limit;
        if (type.equals("name")) {
            // 10 Chinese characters, or 20 letters when it is all ASCII
            limit = value.chars().allMatch(c -> c < 128) ? 20 : 10;
        } else {
            Integer known = LIMITS.get(type);
            if (known == null) {
                return value; // time, date, enum: a format, not a length
            }
            limit = known;
        }
        int length = value.codePointCount(0, value.length());
        if (length <= limit) {
            return value;
        }
        if (type.equals("thing") || type.equals("name")) {
            return value.substring(0, value.offsetByCodePoints(0, limit - 1)) + "…";
        }
        return value.substring(0, value.offsetByCodePoints(0, limit));
    }

    private String filter(String value, String filter) {
        if (filter == null || value.isEmpty()) {
            return value;
        }
        try {
            return switch (filter) {
                case "date" -> DATE.format(localDate(value));
                case "datetime" -> DATETIME.format(Instant.parse(value).atZone(zone));
                case "yuan" ->
                    "¥" + new BigDecimal(value).movePointLeft(2).setScale(2).toPlainString();
                default -> throw new IllegalArgumentException("unknown filter |" + filter);
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            return value;
        }
    }

    private LocalDate localDate(String value) {
        if (value.length() == 10) {
            return LocalDate.parse(value);
        }
        return Instant.parse(value).atZone(zone).toLocalDate();
    }
}
