package com.tierpoint.core.shared.application;

import com.tierpoint.core.shared.model.DomainException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: single-member writes that arrive together share one database transaction, each
 * inside a savepoint of its own, so a batch costs one commit (one log flush, one lock hand-over
 * per member) instead of one per request. See docs/adr/0012.
 *
 * <p>Writers take whatever is queued (at most {@code max-batch}), except requests of members
 * another writer is writing, and order it by member id (so two batches always lock members in the
 * same order, and one member's requests keep their arrival
 * order) and run each request's body in a nested transaction. A {@link DomainException} rolls
 * back only that request's savepoint and is its answer; a key already claimed (a retry, or the
 * same key twice in the batch) is replayed from the stored result after commit. Anything else
 * (a deadlock, a lost connection, a failed commit) rolls the whole batch back and every request
 * of it runs again in a transaction of its own. Nobody is answered before the batch commits.
 *
 * <p>A committed batch's after-commit work ({@link AfterCommit}: cached views, the leaderboard
 * mirror) and its answers go to one other thread, in commit order, and the writer takes its next
 * batch at once: the batch's Redis calls no longer hold up the next batch's database work. Its
 * callers are answered once that work is done (ADR 0023).
 *
 * <p>Requests of a kind that can be written {@link Together} (earns, redeems) go further: the
 * batch hands all of them to one call that writes them with a few multi-row statements, straight
 * in the batch's transaction (no savepoint: two round trips fewer). If that call refuses
 * ({@link BulkWrite.NotTogether}, or a key claimed meanwhile), the transaction is rolled back and
 * the batch is written again, this time with each such call in a savepoint of its own: a call
 * that throws then has its savepoint rolled back and its requests run one by one as above. A
 * member with requests of more than one kind in the batch has all of them run one by one, in
 * arrival order.
 *
 * <p>The batch runs at READ COMMITTED: every request locks its member before it reads the member's
 * other rows, and a plain read must then see what the lock waited for, not a snapshot taken by an
 * earlier request of the batch.
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

    /**
     * A kind of request a batch writes together. {@link #writeAll} runs inside the batch's
     * transaction; it returns one outcome per command, in order. Throwing {@link
     * BulkWrite.NotTogether} or {@link DuplicateKeyException} means none of it happened (what it
     * wrote is rolled back) and the requests run one by one. Unless {@code guarded}, it is the
     * batch's first attempt, which may take for granted what nearly always holds (no key of the
     * batch is stored yet) and throw {@link DuplicateKeyException} when it does not: the batch is
     * then written again, guarded.
     */
    interface Together<C, T> {
        List<Outcome<T>> writeAll(List<C> commands, boolean guarded);
    }

    private record Pending<T>(
            long memberId,
            long arrival,
            Supplier<T> body,
            Together<Object, T> together,
            Object command,
            CompletableFuture<Outcome<T>> answer) {}

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final TransactionTemplate batchTx;
    private final TransactionTemplate requestTx;
    private final List<Listener> listeners;
    private final AfterCommit afterCommit;
    /** Runs committed batches' after-commit work and answers them, one batch after another. */
    private final ExecutorService answering;

    private final boolean enabled;
    private final int maxBatch;
    /** Requests not taken yet, in arrival order; guarded by {@link #intake}. */
    private final ArrayDeque<Pending<?>> queue = new ArrayDeque<>();
    /** Members a writer is writing now; guarded by {@link #intake}. */
    private final Set<Long> writing = new HashSet<>();
    /** Held to queue a request or take a batch: whatever is queued goes to one writer at once. */
    private final ReentrantLock intake = new ReentrantLock();
    /** Signalled when a request is queued or a batch's members are free again. */
    private final Condition takeable = intake.newCondition();

    private final AtomicLong arrivals = new AtomicLong();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicLong batchesCommitted = new AtomicLong();
    private final AtomicLong batchesFailed = new AtomicLong();
    private final AtomicLong togetherWritten = new AtomicLong();
    private final DistributionSummary batchSizes;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    GroupCommit(
            PlatformTransactionManager transactions,
            List<Listener> listeners,
            AfterCommit afterCommit,
            MeterRegistry meters,
            @Value("${tierpoint.group-commit.enabled:true}") boolean enabled,
            @Value("${tierpoint.group-commit.writers:1}") int writerCount,
            @Value("${tierpoint.group-commit.max-batch:64}") int maxBatch) {
        this.batchTx = new TransactionTemplate(transactions);
        this.batchTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.batchTx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.requestTx = new TransactionTemplate(transactions);
        this.requestTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.listeners = listeners;
        this.afterCommit = afterCommit;
        this.answering = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "group-commit-answers");
            t.setDaemon(true);
            return t;
        });
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
        intake.lock();
        try {
            return queue.size();
        } finally {
            intake.unlock();
        }
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

    /** Requests written together with others of their kind (multi-row statements) since start. */
    public long writtenTogether() {
        return togetherWritten.get();
    }

    /**
     * Queues a write on one member and waits until its batch has committed (or failed). The body
     * runs in a writer thread, inside the batch's transaction, in a savepoint of its own.
     */
    <T> Outcome<T> submit(long memberId, Supplier<T> body) {
        return submit(memberId, body, null, null);
    }

    /**
     * Like {@link #submit(long, Supplier)}, for a request the batch can write together with others
     * of its kind; {@code body} is how it runs on its own.
     */
    @SuppressWarnings("unchecked")
    <C, T> Outcome<T> submit(long memberId, Supplier<T> body, Together<C, T> together, C command) {
        CompletableFuture<Outcome<T>> answer = new CompletableFuture<>();
        if (!running) {
            return new Alone<>();
        }
        intake.lock();
        try {
            queue.add(new Pending<>(
                    memberId, arrivals.incrementAndGet(), body, (Together<Object, T>) together, command, answer));
            takeable.signalAll();
        } finally {
            intake.unlock();
        }
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
            List<Pending<?>> batch;
            try {
                batch = take();
            } catch (InterruptedException e) {
                break;
            }
            try {
                run(batch);
            } catch (RuntimeException | Error e) {
                log.error("group commit writer failed; the batch's requests run alone", e);
                batch.forEach(p -> p.answer().complete(cast(new Alone<>())));
            } finally {
                release(batch);
            }
        }
        // stopping: whoever is still queued runs alone (and meets a closed pool, if it is closed)
        failQueued();
    }

    /**
     * Waits for requests and takes them (at most {@code max-batch}), except those of members that
     * another writer is writing: they stay queued, in order, for whoever takes next. So one
     * member's requests are never in two batches at once, and a busy member's requests pile up
     * into one large batch instead of several small ones waiting on each other's lock.
     */
    private List<Pending<?>> take() throws InterruptedException {
        intake.lockInterruptibly();
        try {
            while (true) {
                List<Pending<?>> batch = new ArrayList<>();
                for (Iterator<Pending<?>> it = queue.iterator(); it.hasNext() && batch.size() < maxBatch; ) {
                    Pending<?> p = it.next();
                    if (!writing.contains(p.memberId())) {
                        batch.add(p);
                        it.remove();
                    }
                }
                if (!batch.isEmpty()) {
                    batch.forEach(p -> writing.add(p.memberId()));
                    busy.incrementAndGet();
                    return batch;
                }
                takeable.await();
            }
        } finally {
            intake.unlock();
        }
    }

    private void release(List<Pending<?>> batch) {
        intake.lock();
        try {
            batch.forEach(p -> writing.remove(p.memberId()));
            busy.decrementAndGet();
            takeable.signalAll();
        } finally {
            intake.unlock();
        }
    }

    private void failQueued() {
        List<Pending<?>> left;
        intake.lock();
        try {
            left = new ArrayList<>(queue);
            queue.clear();
        } finally {
            intake.unlock();
        }
        left.forEach(p -> p.answer().complete(cast(new Alone<>())));
    }

    private void run(List<Pending<?>> batch) {
        batch.sort(Comparator.comparingLong((Pending<?> p) -> p.memberId()).thenComparingLong(Pending::arrival));
        Outcome<?>[] outcomes = new Outcome<?>[batch.size()];
        List<List<Integer>> groups = together(batch);
        List<Runnable> afterWork = new ArrayList<>();
        afterCommit.collectInto(afterWork);
        try {
            try {
                write(batch, groups, false, outcomes);
            } catch (GroupNotTogether e) {
                // rare (a lot fallen due, a key claimed meanwhile): the attempt rolled back as a
                // whole; write the batch again with each group in a savepoint of its own
                log.debug("{} requests could not be written together ({}); the batch runs again", batch.size(), e);
                write(batch, groups, true, outcomes);
            }
        } catch (RuntimeException e) {
            batchesFailed.incrementAndGet();
            log.warn(
                    "group commit of {} requests failed ({}); each runs in its own transaction",
                    batch.size(),
                    e.toString());
            batch.forEach(p -> p.answer().complete(cast(new Alone<>())));
            return;
        } finally {
            afterCommit.stopCollecting();
        }
        batchesCommitted.incrementAndGet();
        batchSizes.record(batch.size());
        Runnable finish = () -> {
            for (Runnable work : afterWork) {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    // each hook copes with its own failures (a missed cache or mirror write is
                    // marked for repair); whatever escapes must not keep the batch unanswered
                    log.warn("after-commit work of a group commit failed: {}", e.toString());
                }
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer().complete(cast(outcomes[i]));
            }
        };
        try {
            answering.execute(finish);
        } catch (RejectedExecutionException stopping) {
            finish.run();
        }
    }

    /**
     * One attempt at a batch in one transaction. Without {@code guarded}, groups are written with
     * no savepoint (two statements fewer per batch), and a group that cannot be written together
     * rolls the whole attempt back with {@link GroupNotTogether}; with it, such a group's savepoint
     * is rolled back and its requests then run one by one.
     */
    private void write(List<Pending<?>> batch, List<List<Integer>> groups, boolean guarded, Outcome<?>[] outcomes) {
        batchTx.executeWithoutResult(status -> {
            Arrays.fill(outcomes, null);
            for (List<Integer> group : groups) {
                runTogether(batch, group, guarded, outcomes);
            }
            for (int i = 0; i < batch.size(); i++) {
                if (outcomes[i] == null) {
                    outcomes[i] = runOne(batch.get(i));
                }
            }
            listeners.forEach(l -> l.beforeCommit(batch.size()));
        });
    }

    /**
     * The positions of requests to write together, per kind: those whose member has no request of
     * another kind (or one to run alone) in the batch.
     */
    private static List<List<Integer>> together(List<Pending<?>> batch) {
        Map<Long, Object> kindOf = new HashMap<>();
        Object mixed = new Object();
        for (Pending<?> p : batch) {
            Object kind = p.together() == null ? mixed : p.together();
            kindOf.merge(p.memberId(), kind, (a, b) -> a == b ? a : mixed);
        }
        Map<Object, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Pending<?> p = batch.get(i);
            if (p.together() != null && kindOf.get(p.memberId()) == p.together()) {
                groups.computeIfAbsent(p.together(), k -> new ArrayList<>()).add(i);
            }
        }
        return new ArrayList<>(groups.values());
    }

    /**
     * Writes a group together. Guarded, in a savepoint: if that fails, leaves its outcomes empty to
     * run one by one. Unguarded, straight in the batch's transaction: if that fails, throws
     * {@link GroupNotTogether} so that the whole attempt rolls back.
     */
    private void runTogether(List<Pending<?>> batch, List<Integer> group, boolean guarded, Outcome<?>[] outcomes) {
        Together<Object, ?> together = batch.get(group.get(0)).together();
        List<Object> commands = new ArrayList<>(group.size());
        group.forEach(i -> commands.add(batch.get(i).command()));
        List<? extends Outcome<?>> written;
        try {
            written = guarded
                    ? requestTx.execute(status -> together.writeAll(commands, true))
                    : together.writeAll(commands, false);
        } catch (BulkWrite.NotTogether | DuplicateKeyException e) {
            if (!guarded) {
                throw new GroupNotTogether(e);
            }
            // statement-level failures only: the savepoint is rolled back and the batch goes on.
            // Anything else (a deadlock rolls back the whole transaction) fails the batch.
            log.debug(
                    "{} requests could not be written together ({}); they run one by one", group.size(), e.toString());
            return;
        }
        if (written == null || written.size() != group.size()) {
            throw new IllegalStateException("a group of " + group.size() + " requests got "
                    + (written == null ? "no" : written.size()) + " outcomes");
        }
        for (int j = 0; j < group.size(); j++) {
            outcomes[group.get(j)] = written.get(j);
        }
        togetherWritten.addAndGet(group.size());
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

    /** A group of an unguarded attempt could not be written together: the attempt rolls back. */
    private static final class GroupNotTogether extends RuntimeException {
        GroupNotTogether(RuntimeException cause) {
            super(cause.toString(), cause, false, false);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Outcome<T> cast(Outcome o) {
        return (Outcome<T>) o;
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        writers.forEach(Thread::interrupt);
        failQueued();
        for (Thread w : writers) {
            w.join(TimeUnit.SECONDS.toMillis(5));
        }
        // batches already committed are still answered
        answering.shutdown();
        answering.awaitTermination(5, TimeUnit.SECONDS);
    }
}
