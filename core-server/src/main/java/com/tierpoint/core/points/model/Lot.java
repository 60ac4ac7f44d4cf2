package com.tierpoint.core.points.model;

import java.time.Instant;

/** Points granted together, spendable from {@code availableAt}, gone at {@code expiresAt}. */
public record Lot(long id, long remaining, Instant availableAt, Instant expiresAt) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean spendableAt(Instant now) {
        return remaining > 0 && !now.isBefore(availableAt) && !expiredAt(now);
    }

    public boolean pendingAt(Instant now) {
        return remaining > 0 && now.isBefore(availableAt) && !expiredAt(now);
    }
}
