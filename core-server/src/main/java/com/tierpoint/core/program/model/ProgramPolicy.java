package com.tierpoint.core.program.model;

import com.tierpoint.core.shared.model.FieldViolation;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What makes a program make sense. Each check names the offending field with its path as the
 * client sent it (tiers are addressed in request order), so an operator can fix it directly.
 */
public final class ProgramPolicy {

    public static final int MAX_TIERS = 10;
    private static final int MAX_WINDOW_DAYS = 3660;
    private static final int MAX_VALIDITY_MONTHS = 120;

    private ProgramPolicy() {}

    /** All violations of a program whose tiers are addressed in rank order. */
    public static List<FieldViolation> check(Program program) {
        return check(program, program.tiers());
    }

    /** All violations of a program; {@code tiersAsSent} in the order the client sent them. */
    public static List<FieldViolation> check(Program program, List<TierDefinition> tiersAsSent) {
        List<FieldViolation> out = check(
                program.name(),
                program.timeZone(),
                tiersAsSent,
                program.earnRule(),
                program.growthRule(),
                program.pointsExpiry(),
                program.refundWindowDays());
        program.checkIn().check("program.check_in.", out);
        program.invites().check("program.invites.", out);
        ProgramSections.checkCampaigns(program, out);
        ProgramSections.checkBirthdayAndReminders(program, out);
        return out;
    }

    private static List<FieldViolation> check(
            String name,
            String timeZone,
            List<TierDefinition> tiers,
            EarnRule earn,
            GrowthRule growth,
            ExpiryPolicy expiry,
            int refundWindowDays) {
        List<FieldViolation> out = new ArrayList<>();
        String p = "program.";
        if (name == null || name.isBlank()) {
            out.add(new FieldViolation(p + "name", "is required"));
        } else if (name.length() > 64) {
            out.add(new FieldViolation(p + "name", "must be at most 64 characters"));
        }
        if (timeZone != null && !timeZone.isBlank()) {
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                out.add(new FieldViolation(p + "time_zone", "'" + timeZone + "' is not an IANA time zone"));
            }
        }
        checkTiers(tiers, out);
        if (earn == null) {
            out.add(new FieldViolation(p + "earn_rule", "is required"));
        } else {
            if (earn.points() < 0) {
                out.add(new FieldViolation(p + "earn_rule.points", "must not be negative"));
            }
            if (earn.perFen() <= 0) {
                out.add(new FieldViolation(p + "earn_rule.per_fen", "must be positive"));
            }
        }
        if (growth == null) {
            out.add(new FieldViolation(p + "growth_rule", "is required"));
        } else {
            if (growth.growth() < 0) {
                out.add(new FieldViolation(p + "growth_rule.growth", "must not be negative"));
            }
            if (growth.perFen() <= 0) {
                out.add(new FieldViolation(p + "growth_rule.per_fen", "must be positive"));
            }
        }
        if (expiry != null
                && expiry.kind() == ExpiryPolicy.Kind.DAYS_AFTER_EARN
                && (expiry.days() <= 0 || expiry.days() > 36600)) {
            out.add(new FieldViolation(p + "points_expiry.days", "must be between 1 and 36600 for DAYS_AFTER_EARN"));
        }
        if (refundWindowDays < 0 || refundWindowDays > 365) {
            out.add(new FieldViolation(p + "refund_window_days", "must be between 0 and 365"));
        }
        return out;
    }

    private static void checkTiers(List<TierDefinition> tiers, List<FieldViolation> out) {
        if (tiers == null || tiers.isEmpty()) {
            out.add(new FieldViolation("program.tiers", "at least one tier is required"));
            return;
        }
        if (tiers.size() > MAX_TIERS) {
            out.add(new FieldViolation("program.tiers", "at most " + MAX_TIERS + " tiers, got " + tiers.size()));
        }
        Map<Integer, Integer> rankAt = new HashMap<>();
        Set<String> codes = new HashSet<>();
        int lowestRank = Integer.MAX_VALUE;
        for (TierDefinition t : tiers) {
            lowestRank = Math.min(lowestRank, t.rank());
        }
        for (int i = 0; i < tiers.size(); i++) {
            TierDefinition t = tiers.get(i);
            String f = "program.tiers[" + i + "].";
            if (t.code() == null || !t.code().matches("[A-Z][A-Z0-9_]{0,31}")) {
                out.add(new FieldViolation(f + "code", "must be 1-32 of A-Z, 0-9, _ starting with a letter"));
            } else if (!codes.add(t.code())) {
                out.add(new FieldViolation(f + "code", "duplicate tier code " + t.code()));
            }
            if (t.name() == null || t.name().isBlank() || t.name().length() > 32) {
                out.add(new FieldViolation(f + "name", "is required, at most 32 characters"));
            }
            Integer earlier = rankAt.putIfAbsent(t.rank(), i);
            if (earlier != null) {
                out.add(new FieldViolation(
                        f + "rank", "duplicate rank " + t.rank() + " (also tiers[" + earlier + "])"));
            }
            if (t.pointsMultiplierPercent() < 0) {
                out.add(new FieldViolation(f + "points_multiplier_percent", "must not be negative"));
            } else if (t.pointsMultiplierPercent() > 10_000) {
                out.add(new FieldViolation(f + "points_multiplier_percent", "must be at most 10000 (x100)"));
            }
            if (t.validityMonths() < 0 || t.validityMonths() > MAX_VALIDITY_MONTHS) {
                out.add(new FieldViolation(f + "validity_months", "must be between 0 and " + MAX_VALIDITY_MONTHS));
            }
            boolean entry = t.rank() == lowestRank;
            if (entry && !t.upgradeRule().isEmpty()) {
                out.add(new FieldViolation(
                        f + "upgrade_rule", "the entry tier (lowest rank) must have no upgrade rule"));
            }
            if (!entry && t.upgradeRule().isEmpty()) {
                out.add(new FieldViolation(f + "upgrade_rule", "is required for every tier above the entry tier"));
            }
            if (entry && !t.retentionRule().isEmpty()) {
                out.add(new FieldViolation(f + "retention_rule", "the entry tier cannot have a retention rule"));
            }
            checkRule(t.upgradeRule(), f + "upgrade_rule", out);
            checkRule(t.retentionRule(), f + "retention_rule", out);
        }
        checkThresholdsIncrease(tiers, out);
    }

    private static void checkRule(TierRule rule, String f, List<FieldViolation> out) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rule.conditions().size(); i++) {
            Condition c = rule.conditions().get(i);
            String cf = f + ".conditions[" + i + "].";
            if (c.metric() == null) {
                out.add(new FieldViolation(cf + "metric", "is required"));
                continue;
            }
            if (c.threshold() <= 0) {
                out.add(new FieldViolation(cf + "threshold", "must be positive"));
            }
            if (c.windowDays() < 0 || c.windowDays() > MAX_WINDOW_DAYS) {
                out.add(new FieldViolation(cf + "window_days", "must be between 0 and " + MAX_WINDOW_DAYS));
            } else if (c.windowDays() > 0 && !c.metric().windowed()) {
                out.add(new FieldViolation(cf + "window_days", c.metric() + " has no window; use 0"));
            }
            if (!seen.add(c.metric() + "/" + c.windowDays())) {
                out.add(new FieldViolation(cf + "metric", "the same metric and window appear twice"));
            }
        }
    }

    /**
     * A higher tier must ask for more: for each metric (and window) that two tiers' upgrade rules
     * both use, the higher-ranked tier's threshold must be strictly greater.
     */
    private static void checkThresholdsIncrease(List<TierDefinition> tiers, List<FieldViolation> out) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Integer.compare(tiers.get(a).rank(), tiers.get(b).rank()));
        Map<String, long[]> highest = new HashMap<>(); // metric/window -> {threshold, index}
        for (int idx : order) {
            TierDefinition t = tiers.get(idx);
            List<Condition> cs = t.upgradeRule().conditions();
            for (int ci = 0; ci < cs.size(); ci++) {
                Condition c = cs.get(ci);
                if (c.metric() == null) {
                    continue;
                }
                String key = c.metric() + "/" + c.windowDays();
                long[] below = highest.get(key);
                if (below != null && c.threshold() <= below[0]) {
                    out.add(new FieldViolation(
                            "program.tiers[" + idx + "].upgrade_rule.conditions[" + ci + "].threshold",
                            "must be greater than " + below[0] + ", the " + c.metric()
                                    + " threshold of lower-ranked tiers[" + below[1] + "]"));
                }
                if (below == null || c.threshold() > below[0]) {
                    highest.put(key, new long[] {c.threshold(), idx});
                }
            }
        }
    }
}
