package com.tierpoint.core.program.model;

/** A member's metric values, as measured now. */
@FunctionalInterface
public interface MetricSource {

    /** The value of a metric; for windowed metrics over the last {@code windowDays} days (0 = lifetime). */
    long valueOf(Metric metric, int windowDays);
}
