package com.tierpoint.core.shared.application;

import com.tierpoint.core.shared.model.DomainException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: single-member writes that arrive together share one database transaction, each
 * inside a savepoint of its own, so a batch costs one commit (one log flush, one lock hand-over
 * per member) instead of one per request. See docs/adr/0012.
 *
 * <p>Writers take whatever is queued (at most {@code max-batch}), order it by member id (so two
 * batches always lock members in the same order, and one member's requests keep their arrival
 * order) and run each request's body in a nested transaction. A {@link DomainException} rolls
 * back only that request's savepoint and is its answer; a key already claimed (a retry, or the
 * same key twice in the batch) is replayed from the stored result after commit. Anything else
 * (a deadlock, a lost connection, a failed commit) rolls the whole batch back and every request
 * of it runs again in a transaction of its own. Nobody is answered before the batch commits.
 */
@Component
public class GroupCommit implements DisposableBean {

    /** Told about each batch inside its transaction, just before commit (tests inject faults here). */
    public interface Listener {
        void beforeCommit(int batchSize);
    }

    /** How a grouped request ended. */
    sealed interface Outcome<T> {}

    /** Committed with the batch; this is its result. */
    record Done<T>(T value) implements Outcome<T> {}

    /** Refused on its own; the rest of the batch committed. */
    record Refused<T>(DomainException error) implements Outcome<T> {}

    /** Its key was already claimed when it ran: read the stored result now that the batch committed. */
    record Replay<T>() implements Outcome<T> {}

    /** The batch failed as a whole: run this request in a transaction of its own. */
    record Alone<T>() implements Outcome<T> {}

    private record Pending<T>(long memberId, long arrival, Supplier<T> body, CompletableFuture<Outcome<T>> answer) {}

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final TransactionTemplate batchTx;
    private final TransactionTemplate requestTx;
    private final List<Listener> listeners;
    private final boolean enabled;
    private final int maxBatch;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    /** Held by the writer that is taking a batch: whatever is queued goes to one writer at once. */
    private final ReentrantLock intake = new ReentrantLock();

    private final AtomicLong arrivals = new AtomicLong();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicLong batchesCommitted = new AtomicLong();
    private final AtomicLong batchesFailed = new AtomicLong();
    private final DistributionSummary batchSizes;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    GroupCommit(
            PlatformTransactionManager transactions,
            List<Listener> listeners,
            MeterRegistry meters,
            @Value("${tierpoint.group-commit.enabled:true}") boolean enabled,
            @Value("${tierpoint.group-commit.writers:4}") int writerCount,
            @Value("${tierpoint.group-commit.max-batch:64}") int maxBatch) {
        this.batchTx = new TransactionTemplate(transactions);
        this.batchTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.requestTx = new TransactionTemplate(transactions);
        this.requestTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.listeners = listeners;
        this.enabled = enabled && writerCount > 0;
        this.maxBatch = Math.max(1, maxBatch);
        this.batchSizes = DistributionSummary.builder("tierpoint.group_commit.batch_size")
                .description("requests committed together in one transaction")
                .register(meters);
        if (this.enabled) {
            for (int i = 0; i < writerCount; i++) {
                Thread t = new Thread(this::writeBatches, "group-commit-" + (i + 1));
                t.setDaemon(true);
                writers.add(t);
                t.start();
            }
        }
    }

    public boolean enabled() {
        return enabled;
    }

    public int writers() {
        return writers.size();
    }

    /** Requests queued and not yet taken by a writer. */
    public int pending() {
        return queue.size();
    }

    /** Writers running a batch right now. */
    public int busyWriters() {
        return busy.get();
    }

    public long batchesCommitted() {
        return batchesCommitted.get();
    }

    public long batchesFailed() {
        return batchesFailed.get();
    }

    /**
     * Queues a write on one member and waits until its batch has committed (or failed). The body
     * runs in a writer thread, inside the batch's transaction, in a savepoint of its own.
     */
    <T> Outcome<T> submit(long memberId, Supplier<T> body) {
        CompletableFuture<Outcome<T>> answer = new CompletableFuture<>();
        if (!running) {
            return new Alone<>();
        }
        queue.add(new Pending<>(memberId, arrivals.incrementAndGet(), body, answer));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a group commit", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("group commit writer failed", e.getCause());
        }
    }

    private void writeBatches() {
        while (running) {
            List<Pending<?>> batch = new ArrayList<>();
            try {
                intake.lockInterruptibly();
                try {
                    batch.add(queue.take());
                    queue.drainTo(batch, maxBatch - 1);
                    busy.incrementAndGet();
                } finally {
                    intake.unlock();
                }
            } catch (InterruptedException e) {
                break;
            }
            try {
                run(batch);
            } catch (RuntimeException | Error e) {
                log.error("group commit writer failed; the batch's requests run alone", e);
                batch.forEach(p -> p.answer().complete(cast(new Alone<>())));
            } finally {
                busy.decrementAndGet();
            }
        }
        // stopping: whoever is still queued runs alone (and meets a closed pool, if it is closed)
        for (Pending<?> p; (p = queue.poll()) != null; ) {
            p.answer().complete(cast(new Alone<>()));
        }
    }

    private void run(List<Pending<?>> batch) {
        batch.sort(Comparator.comparingLong((Pending<?> p) -> p.memberId()).thenComparingLong(Pending::arrival));
        List<Outcome<?>> outcomes = new ArrayList<>(batch.size());
        try {
            batchTx.executeWithoutResult(status -> {
                outcomes.clear();
                for (Pending<?> p : batch) {
                    outcomes.add(runOne(p));
                }
                listeners.forEach(l -> l.beforeCommit(batch.size()));
            });
        } catch (RuntimeException e) {
            batchesFailed.incrementAndGet();
            log.warn(
                    "group commit of {} requests failed ({}); each runs in its own transaction",
                    batch.size(),
                    e.toString());
            batch.forEach(p -> p.answer().complete(cast(new Alone<>())));
            return;
        }
        batchesCommitted.incrementAndGet();
        batchSizes.record(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer().complete(cast(outcomes.get(i)));
        }
    }

    private <T> Outcome<T> runOne(Pending<T> p) {
        try {
            return new Done<>(requestTx.execute(status -> p.body().get()));
        } catch (IdempotentExecutor.KeyAlreadyClaimed e) {
            return new Replay<>();
        } catch (DomainException e) {
            return new Refused<>(e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Outcome<T> cast(Outcome o) {
        return (Outcome<T>) o;
    }

    @Override
    public void destroy() {
        running = false;
        writers.forEach(Thread::interrupt);
        for (Pending<?> p; (p = queue.poll()) != null; ) {
            p.answer().complete(cast(new Alone<>()));
        }
    }
}
