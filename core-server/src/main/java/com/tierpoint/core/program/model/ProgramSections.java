package com.tierpoint.core.program.model;

import com.tierpoint.core.shared.model.FieldViolation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks of the program's campaigns, birthday gift and reminders. */
final class ProgramSections {

    static final int MAX_CAMPAIGNS = 50;
    private static final int MAX_REMINDER_DAYS = 366;

    private ProgramSections() {}

    static void checkCampaigns(Program program, List<FieldViolation> out) {
        List<Campaign> campaigns = program.campaigns();
        if (campaigns.size() > MAX_CAMPAIGNS) {
            out.add(new FieldViolation("program.campaigns", "at most " + MAX_CAMPAIGNS + " campaigns"));
        }
        Set<String> codes = new HashSet<>();
        Set<String> tierCodes = new HashSet<>();
        program.tiers().forEach(t -> tierCodes.add(t.code()));
        for (int i = 0; i < campaigns.size(); i++) {
            Campaign c = campaigns.get(i);
            String f = "program.campaigns[" + i + "].";
            if (c.code() == null || !c.code().matches("[A-Z][A-Z0-9_]{0,31}")) {
                out.add(new FieldViolation(f + "code", "must be 1-32 of A-Z, 0-9, _ starting with a letter"));
            } else if (!codes.add(c.code())) {
                out.add(new FieldViolation(f + "code", "duplicate campaign code " + c.code()));
            }
            if (c.name() == null || c.name().isBlank() || c.name().length() > 32) {
                out.add(new FieldViolation(f + "name", "is required, at most 32 characters"));
            }
            if (c.multiplierPercent() < 101 || c.multiplierPercent() > 10_000) {
                out.add(new FieldViolation(f + "multiplier_percent", "must be between 101 (x1.01) and 10000 (x100)"));
            }
            if (c.startsAt() == null) {
                out.add(new FieldViolation(f + "starts_at", "is required"));
            }
            if (c.endsAt() == null) {
                out.add(new FieldViolation(f + "ends_at", "is required"));
            } else if (c.startsAt() != null && !c.endsAt().isAfter(c.startsAt())) {
                out.add(new FieldViolation(f + "ends_at", "must be after starts_at"));
            }
            for (String t : c.tierCodes()) {
                if (!tierCodes.contains(t)) {
                    out.add(new FieldViolation(f + "tier_codes", "unknown tier " + t));
                }
            }
        }
    }

    static void checkBirthdayAndReminders(Program program, List<FieldViolation> out) {
        BirthdayGift gift = program.birthdayGift();
        if (gift.points() < 0 || gift.points() > 1_000_000) {
            out.add(new FieldViolation("program.birthday_gift.points", "must be between 0 and 1000000"));
        }
        if (gift.growth() < 0 || gift.growth() > 1_000_000) {
            out.add(new FieldViolation("program.birthday_gift.growth", "must be between 0 and 1000000"));
        }
        Reminders r = program.reminders();
        if (r.pointsExpiringDays() < 0 || r.pointsExpiringDays() > MAX_REMINDER_DAYS) {
            out.add(new FieldViolation(
                    "program.reminders.points_expiring_days", "must be between 0 and " + MAX_REMINDER_DAYS));
        }
        if (r.tierExpiringDays() < 0 || r.tierExpiringDays() > MAX_REMINDER_DAYS) {
            out.add(new FieldViolation(
                    "program.reminders.tier_expiring_days", "must be between 0 and " + MAX_REMINDER_DAYS));
        }
    }
}
