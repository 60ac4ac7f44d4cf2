package com.tierpoint.core.program.model;

import java.util.List;

/** Conditions combined with AND ({@link Combinator#ALL}) or OR ({@link Combinator#ANY}). */
public record TierRule(Combinator combinator, List<Condition> conditions) {

    public enum Combinator {
        ALL,
        ANY
    }

    public TierRule {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        combinator = combinator == null ? Combinator.ALL : combinator;
    }

    public static TierRule none() {
        return new TierRule(Combinator.ALL, List.of());
    }

    public boolean isEmpty() {
        return conditions.isEmpty();
    }

    /** An empty rule holds trivially. */
    public boolean heldBy(MetricSource metrics) {
        if (conditions.isEmpty()) {
            return true;
        }
        return combinator == Combinator.ALL
                ? conditions.stream().allMatch(c -> c.heldBy(metrics))
                : conditions.stream().anyMatch(c -> c.heldBy(metrics));
    }
}
