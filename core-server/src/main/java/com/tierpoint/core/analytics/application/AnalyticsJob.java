package com.tierpoint.core.analytics.application;

import com.tierpoint.core.jobs.application.JobRun;
import com.tierpoint.core.jobs.application.ScheduledJob;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Keeps the dashboard's aggregates a few seconds behind the event stream ({@code tierpoint.jobs.every.analytics}). */
@Component
class AnalyticsJob implements ScheduledJob {

    static final String NAME = "analytics";

    private final FoldingEvents folding;

    AnalyticsJob(FoldingEvents folding) {
        this.folding = folding;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration defaultInterval() {
        return Duration.ofSeconds(5);
    }

    @Override
    public JobRun run(Instant now, int budget) {
        int folded = folding.foldUpTo(budget);
        return new JobRun(folded, 0, folded < budget);
    }
}
