package com.tierpoint.core.jobs.application;

import java.util.function.IntUnaryOperator;

/**
 * What a run did: units that changed something, units that failed (and will be retried by a
 * later run), and whether it saw everything that was due (false when it ran out of budget or
 * something failed).
 */
public record JobRun(int processed, int failed, boolean complete) {

    public static JobRun nothing() {
        return new JobRun(0, 0, true);
    }

    /**
     * Deletes in pages: {@code deleteUpTo} removes at most the given number of rows and says how
     * many it removed; it is called until a page comes back short or the budget is spent.
     */
    static JobRun deletingInPages(int budget, int pageSize, IntUnaryOperator deleteUpTo) {
        int deleted = 0;
        while (deleted < budget) {
            int page = Math.min(pageSize, budget - deleted);
            int n = deleteUpTo.applyAsInt(page);
            deleted += n;
            if (n < page) {
                return new JobRun(deleted, 0, true);
            }
        }
        return new JobRun(deleted, 0, false);
    }

    @Override
    public String toString() {
        return "processed=" + processed + " failed=" + failed + " complete=" + complete;
    }
}
