package com.tierpoint.core.program.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** One rung of the tier ladder. */
public record TierDefinition(
        String code,
        String name,
        int rank,
        List<Benefit> benefits,
        int pointsMultiplierPercent,
        TierRule upgradeRule,
        int validityMonths,
        TierRule retentionRule) {

    public TierDefinition {
        benefits = benefits == null ? List.of() : List.copyOf(benefits);
        upgradeRule = upgradeRule == null ? TierRule.none() : upgradeRule;
        retentionRule = retentionRule == null ? TierRule.none() : retentionRule;
    }

    /**
     * When a tier reached at {@code since} lapses unless retained: the end of the day, in the
     * program's zone, {@code validityMonths} months later; null when it never lapses.
     */
    public Instant validUntil(Instant since, ZoneId zone) {
        if (validityMonths <= 0) {
            return null;
        }
        return since.atZone(zone)
                .toLocalDate()
                .plusMonths(validityMonths)
                .plusDays(1)
                .atStartOfDay(zone)
                .toInstant();
    }
}
