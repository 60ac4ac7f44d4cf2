package com.tierpoint.core.engagement.model;

import com.tierpoint.core.program.model.CheckInRule;
import com.tierpoint.core.shared.model.RuleRejected;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The rules of daily check-in. Once per program-zone day (the database's primary key enforces it,
 * see {@code CheckingIn}); a check-in the day after the previous one continues the streak, any
 * later one starts it again at 1; the streak day picks the reward from the program's cycle.
 */
public final class CheckInPolicy {

    public static final String CHECK_IN_DISABLED = "CHECK_IN_DISABLED";

    private CheckInPolicy() {}

    /** Check-in must be switched on in the program. */
    public static Optional<RuleRejected> checkInMustBeOn(CheckInRule rule) {
        return rule.enabled()
                ? Optional.empty()
                : Optional.of(new RuleRejected(CHECK_IN_DISABLED, "check-in is switched off in the program"));
    }

    /**
     * The reward of a check-in on {@code day}.
     *
     * @param previous the member's latest check-in before {@code day}, or null
     */
    public static Reward rewardOn(CheckInRule rule, LocalDate day, CheckIn previous) {
        int streak = previous != null && previous.day().plusDays(1).equals(day) ? previous.streak() + 1 : 1;
        return new Reward(day, streak, rule.pointsForStreakDay(streak), rule.growthPerCheckIn());
    }

    /** What checking in the day after {@code done} earns. */
    public static Reward nextAfter(CheckInRule rule, CheckIn done) {
        return rewardOn(rule, done.day().plusDays(1), done);
    }

    /**
     * The streak as of {@code today}: the latest check-in's streak while it was today or
     * yesterday (today may still be checked in), 0 once a day was missed.
     */
    public static int currentStreak(LocalDate today, CheckIn latest) {
        if (latest == null) {
            return 0;
        }
        boolean alive = latest.day().equals(today) || latest.day().plusDays(1).equals(today);
        return alive ? latest.streak() : 0;
    }
}
