package com.tierpoint.core.jobs.application;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tierpoint.jobs.*}: whether this instance runs the scheduled jobs, how much one run may
 * do, how long a lease holds, how long idempotency records and delivered events are kept, and
 * per-job intervals ({@code every.points-expiry: 30s}).
 */
@ConfigurationProperties("tierpoint.jobs")
public record JobsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5000") int budget,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("30d") Duration idempotencyRetention,
        @DefaultValue("14d") Duration eventRetention,
        Map<String, Duration> every) {

    public JobsProperties {
        every = every == null ? Map.of() : Map.copyOf(every);
    }

    public Duration every(ScheduledJob job) {
        return every.getOrDefault(job.name(), job.defaultInterval());
    }
}
