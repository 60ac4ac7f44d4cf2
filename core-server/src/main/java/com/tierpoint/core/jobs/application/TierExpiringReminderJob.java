package com.tierpoint.core.jobs.application;

import com.tierpoint.core.events.EventType;
import com.tierpoint.core.jobs.infrastructure.JobQueries;
import com.tierpoint.core.member.application.MemberChange;
import com.tierpoint.core.member.application.MemberMetrics;
import com.tierpoint.core.member.application.MemberWrites;
import com.tierpoint.core.order.infrastructure.OrderMapper;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.program.model.Condition;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.core.program.model.TierDefinition;
import com.tierpoint.core.program.model.TierRule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes a tier.expiring event {@code reminders.tier_expiring_days} before a tier's validity
 * ends, with what keeping it still takes ("再消费¥200.00即可保级金卡会员，截至2026-12-31"): once per
 * member and validity period.
 */
@Component
class TierExpiringReminderJob implements ScheduledJob {

    static final String NAME = "tier-expiring-reminder";
    static final String KIND = "tier.expiring";

    private final JobQueries queries;
    private final MemberSweep sweep;
    private final MemberWrites members;
    private final OrderMapper orders;
    private final ReminderLog reminders;
    private final ProgramStore programs;

    TierExpiringReminderJob(
            JobQueries queries,
            MemberSweep sweep,
            MemberWrites members,
            OrderMapper orders,
            ReminderLog reminders,
            ProgramStore programs) {
        this.queries = queries;
        this.sweep = sweep;
        this.members = members;
        this.orders = orders;
        this.reminders = reminders;
        this.programs = programs;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration defaultInterval() {
        return Duration.ofMinutes(10);
    }

    @Override
    public JobRun run(Instant now, int budget) {
        Program program = programs.current();
        int days = program.reminders().tierExpiringDays();
        if (days <= 0) {
            return JobRun.nothing();
        }
        long from = now.toEpochMilli();
        long upTo = now.plus(Duration.ofDays(days)).toEpochMilli();
        return sweep.sweep(
                NAME,
                (after, limit) -> queries.membersWithTierEnding(from, upTo, after, limit),
                memberId -> remind(memberId, now, upTo, program),
                budget);
    }

    private boolean remind(long memberId, Instant now, long upTo, Program program) {
        MemberChange change = members.begin(memberId, now);
        Long validUntil = change.member().tierValidUntil;
        if (validUntil == null || validUntil <= now.toEpochMilli() || validUntil > upTo) {
            return false;
        }
        TierDefinition tier = program.tier(change.member().tierCode);
        if (tier.code().equals(program.entryTier().code())
                || !reminders.claim(memberId, KIND, tier.code() + "@" + validUntil, now.toEpochMilli())) {
            return false;
        }
        TierRule keep = program.keepRule(tier);
        // judged as the retention job will judge it: windows end at the deadline
        MemberMetrics metrics = new MemberMetrics(change.member(), orders, Instant.ofEpochMilli(validUntil));
        List<Map<String, Object>> missing = new ArrayList<>();
        for (Condition c : keep.conditions()) {
            long current = metrics.valueOf(c.metric(), c.windowDays());
            if (current < c.threshold()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("metric", c.metric().name());
                m.put("current", current);
                m.put("required", c.threshold());
                m.put("missing", c.threshold() - current);
                m.put("window_days", c.windowDays());
                missing.add(m);
            }
        }
        boolean kept = program.keeps(tier, metrics);
        LocalDate lastDay = PointsExpiringReminderJob.lastValidDay(validUntil, program);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("tier", tier.code());
        p.put("tier_name", tier.name());
        p.put("valid_until", Instant.ofEpochMilli(validUntil).toString());
        p.put("last_valid_day", lastDay.toString());
        p.put("retention_met", kept);
        p.put("combinator", keep.combinator().name());
        p.put("missing", kept ? List.of() : missing);
        p.put("summary", summary(tier, kept, keep.combinator(), missing, lastDay));
        change.emit(EventType.TIER_EXPIRING, p);
        members.commit(change);
        return true;
    }

    /** The reminder as a member would read it. */
    static String summary(
            TierDefinition tier,
            boolean kept,
            TierRule.Combinator combinator,
            List<Map<String, Object>> missing,
            LocalDate lastDay) {
        if (kept) {
            return "您已满足" + tier.name() + "保级条件，有效期将于" + lastDay + "后自动延续";
        }
        List<String> parts = new ArrayList<>();
        for (Map<String, Object> m : missing) {
            long gap = (Long) m.get("missing");
            parts.add(
                    switch ((String) m.get("metric")) {
                        case "SPEND_FEN" -> "再消费¥" + String.format("%d.%02d", gap / 100, gap % 100);
                        case "ORDER_COUNT" -> "再下" + gap + "单";
                        case "GROWTH_VALUE" -> "再获得" + gap + "成长值";
                        default -> "再邀请" + gap + "位好友";
                    });
        }
        String joiner = combinator == TierRule.Combinator.ANY ? "或" : "并";
        return String.join(joiner, parts) + "即可保级" + tier.name() + "，截至" + lastDay;
    }
}
