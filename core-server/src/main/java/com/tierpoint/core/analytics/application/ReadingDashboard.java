package com.tierpoint.core.analytics.application;

import com.tierpoint.core.analytics.infrastructure.AnalyticsMapper;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.core.program.model.TierDefinition;
import com.tierpoint.core.shared.model.Validation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * GetDashboard: reads only the aggregates (at most a year of day rows, their tier and move rows,
 * and one sum over the days before the range), never members or the ledger. Running totals at
 * the end of a day are the seed plus every day's change up to it.
 */
@Service
public class ReadingDashboard {

    public static final int MAX_DAYS = 366;

    private final AnalyticsMapper analytics;
    private final ProgramStore programs;

    ReadingDashboard(AnalyticsMapper analytics, ProgramStore programs) {
        this.analytics = analytics;
        this.programs = programs;
    }

    public Dashboard dashboard(String fromDay, String toDay) {
        Validation v = new Validation();
        LocalDate from = day(fromDay, "from_day", v);
        LocalDate to = day(toDay, "to_day", v);
        if (from != null && to != null) {
            v.require(!to.isBefore(from), "to_day", "must not be before from_day");
            v.require(ChronoUnit.DAYS.between(from, to) < MAX_DAYS, "to_day", "must be at most 366 days from from_day");
        }
        v.throwIfInvalid();
        Program program = programs.current();
        AnalyticsMapper.State state = analytics.state();
        String f = from.toString();
        String t = to.toString();

        Map<String, Long> tiers = new HashMap<>();
        analytics.baseTiers().forEach(b -> tiers.merge(b.tierCode, b.members, Long::sum));
        analytics.tiersBefore(f).forEach(b -> tiers.merge(b.tierCode, b.members, Long::sum));
        AnalyticsMapper.Totals before = analytics.totalsBefore(f);
        long members = state.baseMembers + before.members;
        long outstanding = state.baseOutstanding + before.outstanding;

        Map<String, Map<String, Object>> rows = new HashMap<>();
        for (Map<String, Object> r : analytics.days(f, t)) {
            Map<String, Object> row = lower(r);
            rows.put(String.valueOf(row.get("day")).trim(), row);
        }
        Map<String, List<AnalyticsMapper.DayTier>> tierRows = new HashMap<>();
        analytics.tierDays(f, t).forEach(r -> tierRows.computeIfAbsent(r.day, d -> new ArrayList<>())
                .add(r));
        Map<String, List<Dashboard.Move>> moveRows = new HashMap<>();
        analytics.moveDays(f, t).forEach(r -> moveRows.computeIfAbsent(r.day, d -> new ArrayList<>())
                .add(new Dashboard.Move(r.fromTier, r.toTier, r.members)));

        List<Dashboard.Day> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            String key = d.toString();
            Map<String, Object> r = rows.getOrDefault(key, Map.of());
            members += n(r, "members_delta");
            outstanding += n(r, "outstanding_delta");
            for (AnalyticsMapper.DayTier td : tierRows.getOrDefault(key, List.of())) {
                tiers.merge(td.tierCode, td.membersDelta, Long::sum);
            }
            days.add(new Dashboard.Day(
                    d,
                    n(r, "points_issued"),
                    n(r, "points_redeemed"),
                    n(r, "points_expired"),
                    n(r, "points_reversed"),
                    n(r, "points_returned"),
                    n(r, "points_operator_granted"),
                    n(r, "points_operator_deducted"),
                    outstanding,
                    n(r, "members_enrolled"),
                    members,
                    n(r, "active_members"),
                    n(r, "check_ins"),
                    n(r, "invites_created"),
                    n(r, "invites_accepted"),
                    n(r, "invites_first_order"),
                    n(r, "invites_completed"),
                    n(r, "tier_upgrades"),
                    n(r, "tier_downgrades"),
                    perTier(tiers, program),
                    moveRows.getOrDefault(key, List.of())));
        }

        Map<String, Long> tiersNow = new HashMap<>();
        analytics.baseTiers().forEach(b -> tiersNow.merge(b.tierCode, b.members, Long::sum));
        analytics.tiersBefore("9999-12-31").forEach(b -> tiersNow.merge(b.tierCode, b.members, Long::sum));
        AnalyticsMapper.Totals all = analytics.totalsBefore("9999-12-31");
        Dashboard.Snapshot now = new Dashboard.Snapshot(
                state.baseMembers + all.members, state.baseOutstanding + all.outstanding, perTier(tiersNow, program));
        return new Dashboard(
                from,
                to,
                days,
                now,
                state.asOf == null ? null : Instant.ofEpochMilli(state.asOf),
                state.coveredFromDay == null ? null : LocalDate.parse(state.coveredFromDay));
    }

    /** Every tier of the program in rank order, then codes no longer in the program that members still hold. */
    private static List<Dashboard.TierCount> perTier(Map<String, Long> counts, Program program) {
        Map<String, Dashboard.TierCount> out = new LinkedHashMap<>();
        for (TierDefinition tier : program.tiers()) {
            out.put(
                    tier.code(),
                    new Dashboard.TierCount(tier.code(), tier.name(), counts.getOrDefault(tier.code(), 0L)));
        }
        counts.entrySet().stream()
                .filter(e -> !out.containsKey(e.getKey()) && e.getValue() != 0)
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(e.getKey(), new Dashboard.TierCount(e.getKey(), e.getKey(), e.getValue())));
        return List.copyOf(out.values());
    }

    private static Map<String, Object> lower(Map<String, Object> row) {
        Map<String, Object> out = new HashMap<>();
        row.forEach((k, val) -> out.put(k.toLowerCase(java.util.Locale.ROOT), val));
        return out;
    }

    private static long n(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v instanceof Number x ? x.longValue() : 0;
    }

    private static LocalDate day(String text, String field, Validation v) {
        if (text == null || text.isEmpty()) {
            v.require(false, field, "is required (YYYY-MM-DD)");
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            v.require(false, field, "must be a date YYYY-MM-DD");
            return null;
        }
    }
}
