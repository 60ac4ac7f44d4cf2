package com.tierpoint.core.jobs.application;

import com.tierpoint.core.jobs.infrastructure.JobQueries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        int deleted = 0;
        while (deleted < budget) {
            List<JobQueries.IdempotencyKeyRow> page =
                    queries.idempotencyRecordsBefore(before, Math.min(PAGE, budget - deleted));
            for (JobQueries.IdempotencyKeyRow r : page) {
                deleted += queries.deleteIdempotencyRecord(r.clientId, r.idemKey);
            }
            if (page.size() < Math.min(PAGE, budget - deleted) || page.isEmpty()) {
                return new JobRun(deleted, 0, true);
            }
        }
        return new JobRun(deleted, 0, false);
    }
}
