package com.tierpoint.core.jobs.application;

import java.time.Duration;
import java.time.Instant;

/**
 * A unit of background work. A run does at most {@code budget} units (members, rows) of what is
 * due at {@code now}. Runs must be safe to repeat, to interrupt at any point, and to overlap
 * with runs on other instances: every effect is claimed under a member row lock or a unique key.
 */
public interface ScheduledJob {

    /** Stable name: the lease key and the config key under {@code tierpoint.jobs.every}. */
    String name();

    Duration defaultInterval();

    JobRun run(Instant now, int budget);
}
