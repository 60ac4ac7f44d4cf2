package com.tierpoint.core.points.model;

import com.tierpoint.core.program.model.ExpiryPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a member can spend now, what is pending, and which points expire soonest, as of one
 * instant; and the next instant at which time alone changes that answer.
 */
public record BalanceSummary(long available, long pending, List<ExpiringPoints> expiringSoonest, Instant changesAt) {

    public static final int EXPIRING_DATES_SHOWN = 3;

    public static BalanceSummary of(List<Lot> lots, Instant now) {
        long available = 0;
        long pending = 0;
        Instant changesAt = ExpiryPolicy.NEVER;
        TreeMap<Instant, Long> byExpiry = new TreeMap<>();
        for (Lot lot : lots) {
            if (lot.remaining() <= 0 || lot.expiredAt(now)) {
                continue;
            }
            if (lot.pendingAt(now)) {
                pending += lot.remaining();
                changesAt = min(changesAt, lot.availableAt());
            } else {
                available += lot.remaining();
                if (!ExpiryPolicy.isNever(lot.expiresAt())) {
                    byExpiry.merge(lot.expiresAt(), lot.remaining(), Long::sum);
                }
            }
            changesAt = min(changesAt, lot.expiresAt());
        }
        List<ExpiringPoints> soonest = byExpiry.entrySet().stream()
                .limit(EXPIRING_DATES_SHOWN)
                .map((Map.Entry<Instant, Long> e) -> new ExpiringPoints(e.getKey(), e.getValue()))
                .toList();
        return new BalanceSummary(available, pending, soonest, changesAt);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
