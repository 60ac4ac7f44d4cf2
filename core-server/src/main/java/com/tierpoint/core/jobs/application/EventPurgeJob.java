package com.tierpoint.core.jobs.application;

import com.tierpoint.core.events.application.EventLog;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Deletes sequenced events older than {@code tierpoint.jobs.event-retention} (14 days by default).
 * A consumer that falls further behind than that misses what was purged; unsequenced events are
 * never deleted.
 */
@Component
class EventPurgeJob implements ScheduledJob {

    static final String NAME = "event-purge";
    private static final int PAGE = 1000;

    private final EventLog events;
    private final JobsProperties properties;

    EventPurgeJob(EventLog events, JobsProperties properties) {
        this.events = events;
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration defaultInterval() {
        return Duration.ofMinutes(10);
    }

    @Override
    public JobRun run(Instant now, int budget) {
        Instant cutoff = now.minus(properties.eventRetention());
        return JobRun.deletingInPages(budget, PAGE, page -> events.purgeSequencedBefore(cutoff, page));
    }
}
