package com.tierpoint.core.program.model;

import com.tierpoint.core.shared.model.FieldViolation;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Invitation rewards and their anti-fraud limits. Zero values take their defaults (a code is
 * valid 30 days, an invitee accepts within 24 hours of enrolling, no caps, any order qualifies,
 * an invitation is valid once the first order is paid).
 *
 * @param enabled invitations are accepted and rewarded only while true
 * @param rewards what each side gets at each stage, at most one per (beneficiary, stage)
 * @param dailyCap accepted invitations per inviter per program day; 0 = no cap
 * @param monthlyCap accepted invitations per inviter per program month; 0 = no cap
 * @param minOrderFen smallest net amount (paid less refunded) of a qualifying first order
 * @param validAt the stage at which an invitation counts in the inviter's valid invites
 */
public record InviteRule(
        boolean enabled,
        List<Reward> rewards,
        int codeValidDays,
        int acceptWithinHours,
        int dailyCap,
        int monthlyCap,
        long minOrderFen,
        Stage validAt) {

    public static final int DEFAULT_CODE_VALID_DAYS = 30;
    public static final int DEFAULT_ACCEPT_WITHIN_HOURS = 24;
    static final int MAX_CODE_VALID_DAYS = 365;
    static final int MAX_ACCEPT_WITHIN_HOURS = 720;
    static final int MAX_DAILY_CAP = 10_000;
    static final int MAX_MONTHLY_CAP = 100_000;
    static final long MAX_REWARD = 1_000_000;
    static final long MAX_MIN_ORDER_FEN = 100_000_000_000L;

    /** Who receives a reward. */
    public enum Beneficiary {
        INVITER,
        INVITEE
    }

    /** How far an invitee has come, in order. */
    public enum Stage {
        ENROLLED,
        FIRST_ORDER_PAID,
        FIRST_ORDER_COMPLETED;

        public boolean reached(Stage other) {
            return compareTo(other) >= 0;
        }
    }

    /** Points and growth for one side at one stage. */
    public record Reward(Beneficiary beneficiary, Stage stage, long points, long growth) {}

    public InviteRule {
        rewards = rewards == null ? List.of() : List.copyOf(rewards);
        codeValidDays = codeValidDays == 0 ? DEFAULT_CODE_VALID_DAYS : codeValidDays;
        acceptWithinHours = acceptWithinHours == 0 ? DEFAULT_ACCEPT_WITHIN_HOURS : acceptWithinHours;
        validAt = validAt == null ? Stage.FIRST_ORDER_PAID : validAt;
    }

    /** Invitations off. */
    public static InviteRule none() {
        return new InviteRule(false, List.of(), 0, 0, 0, 0, 0, null);
    }

    public Duration codeValidity() {
        return Duration.ofDays(codeValidDays);
    }

    public Duration acceptWindow() {
        return Duration.ofHours(acceptWithinHours);
    }

    /** The rewards of one stage, inviter first. */
    public List<Reward> rewardsAt(Stage stage) {
        return rewards.stream()
                .filter(r -> r.stage() == stage)
                .sorted((a, b) -> a.beneficiary().compareTo(b.beneficiary()))
                .toList();
    }

    /**
     * Whether an order with this amount and cumulative refund qualifies as (or still is) the
     * invitee's first order: not fully refunded, and at least the minimum net amount.
     */
    public boolean qualifies(long amountFen, long refundedFen) {
        long net = amountFen - refundedFen;
        return net > 0 && net >= minOrderFen;
    }

    /** Adds this rule's violations, named under {@code path} (e.g. "program.invites."). */
    public void check(String path, List<FieldViolation> out) {
        if (codeValidDays < 1 || codeValidDays > MAX_CODE_VALID_DAYS) {
            out.add(new FieldViolation(
                    path + "code_valid_days", "must be between 1 and " + MAX_CODE_VALID_DAYS + " (0 = 30)"));
        }
        if (acceptWithinHours < 1 || acceptWithinHours > MAX_ACCEPT_WITHIN_HOURS) {
            out.add(new FieldViolation(
                    path + "accept_within_hours", "must be between 1 and " + MAX_ACCEPT_WITHIN_HOURS + " (0 = 24)"));
        }
        if (dailyCap < 0 || dailyCap > MAX_DAILY_CAP) {
            out.add(new FieldViolation(path + "daily_cap", "must be between 0 (no cap) and " + MAX_DAILY_CAP));
        }
        if (monthlyCap < 0 || monthlyCap > MAX_MONTHLY_CAP) {
            out.add(new FieldViolation(path + "monthly_cap", "must be between 0 (no cap) and " + MAX_MONTHLY_CAP));
        } else if (dailyCap > 0 && monthlyCap > 0 && dailyCap > monthlyCap) {
            out.add(new FieldViolation(path + "daily_cap", "must not exceed monthly_cap"));
        }
        if (minOrderFen < 0 || minOrderFen > MAX_MIN_ORDER_FEN) {
            out.add(new FieldViolation(path + "min_order_fen", "must be between 0 and " + MAX_MIN_ORDER_FEN));
        }
        if (rewards.size() > Beneficiary.values().length * Stage.values().length) {
            out.add(new FieldViolation(path + "rewards", "at most one reward per beneficiary and stage"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rewards.size(); i++) {
            Reward r = rewards.get(i);
            String f = path + "rewards[" + i + "].";
            if (r.beneficiary() == null) {
                out.add(new FieldViolation(f + "beneficiary", "is required (INVITER or INVITEE)"));
            }
            if (r.stage() == null) {
                out.add(new FieldViolation(
                        f + "stage", "is required (ENROLLED, FIRST_ORDER_PAID or FIRST_ORDER_COMPLETED)"));
            }
            if (r.beneficiary() != null && r.stage() != null && !seen.add(r.beneficiary() + "/" + r.stage())) {
                out.add(new FieldViolation(f + "stage", "a second reward for " + r.beneficiary() + " at " + r.stage()));
            }
            if (r.points() < 0 || r.points() > MAX_REWARD) {
                out.add(new FieldViolation(f + "points", "must be between 0 and " + MAX_REWARD));
            }
            if (r.growth() < 0 || r.growth() > MAX_REWARD) {
                out.add(new FieldViolation(f + "growth", "must be between 0 and " + MAX_REWARD));
            }
            if (r.points() == 0 && r.growth() == 0) {
                out.add(new FieldViolation(f + "points", "points and growth must not both be 0"));
            }
        }
    }
}
