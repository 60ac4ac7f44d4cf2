package com.tierpoint.core.jobs.application;

import com.tierpoint.core.jobs.infrastructure.JobLeaseMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Runs the scheduled jobs on one background thread. Before a run, the instance takes the job's
 * lease in the database, so with several instances one of them scans at a time; a crashed
 * holder's lease simply runs out. The lease saves work, it does not make runs correct: that
 * comes from each job's row locks and unique keys, so overlapping runs are harmless.
 */
@Component
@EnableConfigurationProperties(JobsProperties.class)
public class JobScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

    private final List<ScheduledJob> jobs;
    private final JobLeaseMapper leases;
    private final JobsProperties properties;
    private final Clock clock;
    private final String owner;
    private volatile ScheduledExecutorService executor;

    JobScheduler(
            List<ScheduledJob> jobs,
            JobLeaseMapper leases,
            JobsProperties properties,
            Clock clock,
            @Value("${tierpoint.node-id:0}") long nodeId) {
        this.jobs = List.copyOf(jobs);
        this.leases = leases;
        this.properties = properties;
        this.clock = clock;
        this.owner = "node-" + nodeId + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public List<ScheduledJob> jobs() {
        return jobs;
    }

    public ScheduledJob job(String name) {
        return jobs.stream()
                .filter(j -> j.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no job " + name));
    }

    /**
     * One run of a job under its lease; empty result when another instance holds the lease.
     */
    public Optional<JobRun> runLeased(ScheduledJob job) {
        Instant now = clock.instant();
        ensureRow(job.name());
        long until = now.plus(properties.lease()).toEpochMilli();
        if (leases.acquire(job.name(), owner, now.toEpochMilli(), until) != 1) {
            return Optional.empty();
        }
        JobRun run = null;
        try {
            run = job.run(now, properties.budget());
            if (run.processed() > 0 || run.failed() > 0) {
                log.info("job {}: {}", job.name(), run);
            }
            return Optional.of(run);
        } finally {
            String result = run == null ? "error" : run.toString();
            leases.release(job.name(), owner, clock.instant().toEpochMilli(), result);
        }
    }

    private void ensureRow(String name) {
        if (leases.exists(name) == 0) {
            try {
                leases.create(name);
            } catch (DuplicateKeyException raced) {
                // another instance created it first
            }
        }
    }

    @Override
    public void start() {
        if (!properties.enabled() || executor != null) {
            return;
        }
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tierpoint-jobs");
            t.setDaemon(true);
            return t;
        });
        for (ScheduledJob job : jobs) {
            Duration every = properties.every(job);
            long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, every.toMillis() / 2));
            ex.scheduleWithFixedDelay(() -> runSafely(job), jitter, every.toMillis(), TimeUnit.MILLISECONDS);
        }
        executor = ex;
        log.info(
                "scheduled jobs started as {}: {}",
                owner,
                jobs.stream().map(ScheduledJob::name).toList());
    }

    private void runSafely(ScheduledJob job) {
        try {
            runLeased(job);
        } catch (RuntimeException e) {
            log.warn("job {} failed, retried on its next turn: {}", job.name(), e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService ex = executor;
        executor = null;
        if (ex != null) {
            ex.shutdownNow();
            try {
                ex.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
