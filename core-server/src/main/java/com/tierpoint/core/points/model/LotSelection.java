package com.tierpoint.core.points.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Which lots a debit draws from: spendable lots, soonest-expiring first (ties: oldest lot first). */
public final class LotSelection {

    private static final Comparator<Lot> SOONEST_FIRST =
            Comparator.comparing(Lot::expiresAt).thenComparingLong(Lot::id);

    private LotSelection() {}

    /** The draws covering {@code points} exactly, or empty when the spendable lots hold fewer. */
    public static Optional<List<Draw>> soonestExpiringFirst(List<Lot> lots, long points, Instant now) {
        if (points <= 0) {
            throw new IllegalArgumentException("points must be positive");
        }
        List<Draw> draws = new ArrayList<>();
        long left = points;
        for (Lot lot : lots.stream()
                .filter(l -> l.spendableAt(now))
                .sorted(SOONEST_FIRST)
                .toList()) {
            long take = Math.min(left, lot.remaining());
            draws.add(new Draw(lot.id(), take, lot.expiresAt()));
            left -= take;
            if (left == 0) {
                return Optional.of(draws);
            }
        }
        return Optional.empty();
    }

    /** Spendable points across lots. */
    public static long spendable(List<Lot> lots, Instant now) {
        return lots.stream()
                .filter(l -> l.spendableAt(now))
                .mapToLong(Lot::remaining)
                .sum();
    }
}
