package com.tierpoint.core.program.model;

import com.tierpoint.core.shared.model.FieldViolation;
import java.util.List;

/**
 * Daily check-in rewards. Streak day k earns {@code cyclePoints[(k - 1) % size]} points (a cycle
 * of 5,5,5,5,5,5,20 gives a bonus on every 7th consecutive day) and every check-in earns
 * {@code growthPerCheckIn} growth. An empty cycle switches check-in off.
 */
public record CheckInRule(List<Long> cyclePoints, long growthPerCheckIn) {

    public static final int MAX_CYCLE_DAYS = 31;
    public static final long MAX_REWARD = 100_000;

    public CheckInRule {
        cyclePoints = cyclePoints == null ? List.of() : List.copyOf(cyclePoints);
    }

    public static CheckInRule none() {
        return new CheckInRule(List.of(), 0);
    }

    public boolean enabled() {
        return !cyclePoints.isEmpty();
    }

    /** Points for the {@code streak}-th consecutive day (1 = the first day). */
    public long pointsForStreakDay(int streak) {
        if (streak < 1) {
            throw new IllegalArgumentException("a streak starts at day 1, not " + streak);
        }
        return cyclePoints.get((streak - 1) % cyclePoints.size());
    }

    /** Adds this rule's violations, named under {@code path} (e.g. "program.check_in."). */
    public void check(String path, List<FieldViolation> out) {
        if (cyclePoints.isEmpty()) {
            if (growthPerCheckIn != 0) {
                out.add(new FieldViolation(
                        path + "cycle_points", "at least one day is required when growth_per_check_in is set"));
            }
            return;
        }
        if (cyclePoints.size() > MAX_CYCLE_DAYS) {
            out.add(new FieldViolation(path + "cycle_points", "at most " + MAX_CYCLE_DAYS + " days"));
        }
        for (int i = 0; i < cyclePoints.size(); i++) {
            long p = cyclePoints.get(i);
            if (p < 0 || p > MAX_REWARD) {
                out.add(new FieldViolation(path + "cycle_points[" + i + "]", "must be between 0 and " + MAX_REWARD));
            }
        }
        if (growthPerCheckIn < 0 || growthPerCheckIn > MAX_REWARD) {
            out.add(new FieldViolation(path + "growth_per_check_in", "must be between 0 and " + MAX_REWARD));
        }
    }
}
