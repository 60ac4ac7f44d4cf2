package com.tierpoint.core.member.application;

import com.tierpoint.core.program.model.Metric;
import com.tierpoint.core.program.model.TierDefinition;
import com.tierpoint.core.program.model.TierRule;
import java.time.Instant;
import java.util.List;

/** Where a member stands: what the next tier needs and what keeping this one needs, by when. */
public record TierProgressView(
        TierDefinition currentTier,
        Instant tierValidUntil,
        TierDefinition nextTier,
        TierRule.Combinator nextCombinator,
        List<MetricProgress> nextRequirements,
        Retention retention) {

    public record MetricProgress(Metric metric, long current, long required, int windowDays) {
        public boolean met() {
            return current >= required;
        }
    }

    public record Retention(
            TierRule.Combinator combinator, List<MetricProgress> requirements, Instant deadline, boolean met) {}
}
