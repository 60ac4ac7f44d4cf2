package com.tierpoint.core.program.model;

/** The metric (over a rolling window of days when non-zero) must reach the threshold. */
public record Condition(Metric metric, long threshold, int windowDays) {

    public boolean heldBy(MetricSource metrics) {
        return metrics.valueOf(metric, windowDays) >= threshold;
    }
}
