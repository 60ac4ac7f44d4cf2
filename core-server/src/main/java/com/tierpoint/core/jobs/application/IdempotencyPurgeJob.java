package com.tierpoint.core.jobs.application;

import com.tierpoint.core.jobs.infrastructure.JobQueries;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Forgets idempotency records older than {@code tierpoint.jobs.idempotency-retention} (30 days
 * by default): a client retrying a write after that gets a new effect, so the retention must be
 * longer than any client's retry horizon.
 */
@Component
class IdempotencyPurgeJob implements ScheduledJob {

    static final String NAME = "idempotency-purge";
    private static final int PAGE = 500;

    private final JobQueries queries;
    private final JobsProperties properties;

    IdempotencyPurgeJob(JobQueries queries, JobsProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration defaultInterval() {
        return Duration.ofHours(1);
    }

    @Override
    public JobRun run(Instant now, int budget) {
        long before = now.minus(properties.idempotencyRetention()).toEpochMilli();
        return JobRun.deletingInPages(budget, PAGE, page -> {
            int deleted = 0;
            for (JobQueries.IdempotencyKeyRow r : queries.idempotencyRecordsBefore(before, page)) {
                deleted += queries.deleteIdempotencyRecord(r.clientId, r.idemKey);
            }
            return deleted;
        });
    }
}
