package com.tierpoint.core.jobs.application;

/**
 * What a run did: units that changed something, units that failed (and will be retried by a
 * later run), and whether it saw everything that was due (false when it ran out of budget or
 * something failed).
 */
public record JobRun(int processed, int failed, boolean complete) {

    public static JobRun nothing() {
        return new JobRun(0, 0, true);
    }

    @Override
    public String toString() {
        return "processed=" + processed + " failed=" + failed + " complete=" + complete;
    }
}
