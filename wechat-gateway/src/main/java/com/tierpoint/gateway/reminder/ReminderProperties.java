package com.tierpoint.gateway.reminder;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tierpoint.reminders.*}: which core events become WeChat subscription messages (订阅消息),
 * with which template, and the rules that keep reminders welcome (quota, daily cap, quiet hours).
 *
 * @param enabled off: no consumer runs and the subscription API still records quotas
 * @param consumer the core event-stream consumer name
 * @param quietHours {@code HH:mm-HH:mm} in {@code zone} during which nothing is sent (events wait
 *     until the end); blank for none. May wrap midnight, e.g. {@code 22:00-08:00}.
 * @param zone the program's time zone: quiet hours, the daily cap's day, the streak check time
 * @param dailyCap at most this many reminders per member and program day
 * @param holdPoll while quiet hours hold the stream, how often the clock is looked at again
 * @param miniprogramState which version a tapped message opens: formal, trial or developer
 * @param templates event type (e.g. {@code points.expiring}, or {@link #STREAK_AT_RISK}) to its template
 * @param streak the streak-at-risk reminder's schedule
 */
@ConfigurationProperties("tierpoint.reminders")
public record ReminderProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("wechat-gateway-reminders") String consumer,
        @DefaultValue("22:00-08:00") String quietHours,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("3") int dailyCap,
        @DefaultValue("1m") Duration holdPoll,
        @DefaultValue("formal") String miniprogramState,
        Map<String, Template> templates,
        @DefaultValue Streak streak) {

    /** The template key of the streak-at-risk reminder (not a core event: the gateway schedules it). */
    public static final String STREAK_AT_RISK = "checkin.streak_at_risk";

    public ReminderProperties {
        templates = templates == null ? Map.of() : new LinkedHashMap<>(templates);
    }

    /**
     * One subscription-message template.
     *
     * @param templateId the brand's template id from the mini-program console (per brand)
     * @param title what the mini-program shows when asking for the subscription
     * @param page the mini-program page the message opens, e.g. {@code pages/card/card}
     * @param maxDelay events older than this (by their business time) are dropped, not sent late
     * @param data WeChat field key (e.g. {@code thing1}) to an expression over the event payload,
     *     e.g. {@code "{points}"}, {@code "{expires_at|date}"}, {@code "升级为{to_tier_name}"}
     */
    public record Template(
            String templateId,
            String title,
            @DefaultValue("pages/index/index") String page,
            @DefaultValue("1d") Duration maxDelay,
            Map<String, String> data) {

        public Template {
            data = data == null ? Map.of() : new LinkedHashMap<>(data);
        }
    }

    /**
     * The streak-at-risk reminder: after a check-in, look at the next program day at {@code at};
     * if the member has not checked in by then and the streak was at least {@code minStreak} days,
     * remind them (template {@link #STREAK_AT_RISK}).
     *
     * @param poll how often the due checks are looked for
     */
    public record Streak(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("20:00") LocalTime at,
            @DefaultValue("3") int minStreak,
            @DefaultValue("30s") Duration poll) {}
}
