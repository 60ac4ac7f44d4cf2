package com.tierpoint.core.invite.model;

import java.time.Instant;

/** Where a reward stands. Pending is a matter of time, not a stored state (as for order points). */
public enum RewardStatus {
    GRANTED,
    PENDING,
    WITHHELD;

    /** Stored rewards are GRANTED or WITHHELD; granted points not yet available are PENDING. */
    public static RewardStatus of(String stored, long points, Instant availableAt, Instant now) {
        if (WITHHELD.name().equals(stored)) {
            return WITHHELD;
        }
        return points > 0 && availableAt.isAfter(now) ? PENDING : GRANTED;
    }
}
