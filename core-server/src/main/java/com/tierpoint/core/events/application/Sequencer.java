package com.tierpoint.core.events.application;

import com.tierpoint.core.events.OutboxBatchDao;
import com.tierpoint.core.events.model.SequencePlan;
import com.tierpoint.core.shared.infrastructure.RoundTrip;
import com.tierpoint.core.shared.infrastructure.RoundTrips;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives committed outbox rows their place in the event stream (ADR 0007). Each run locks the
 * one-row {@code event_sequence} table, reads rows that have committed without a sequence, numbers
 * them on from the last sequence and commits: sequences are assigned, and become visible, in
 * increasing order whichever instance runs it. A row that has not committed yet is invisible
 * here and gets a higher sequence later, so a consumer paging by sequence never skips it.
 *
 * <p>Runs every {@code tierpoint.events.sequencer-interval} (when nothing waits, that is a single
 * query outside any transaction) and shortly after a local commit that wrote events ({@code
 * sequencer-nudge-delay}, so that the commits in between share one run); {@link #sequenceNow()}
 * runs it synchronously.
 */
@Component
public class Sequencer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Sequencer.class);

    private final OutboxBatchDao batches;
    private final RoundTrips trips;
    private final TransactionTemplate tx;
    private final EventProperties props;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean nudged = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;
    private volatile boolean failing;

    Sequencer(
            OutboxBatchDao batches, RoundTrips trips, PlatformTransactionManager transactions, EventProperties props) {
        this.batches = batches;
        this.trips = trips;
        this.props = props;
        this.tx = new TransactionTemplate(transactions);
        // each statement sees what has committed by then, whatever waited for the lock before it
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /** Called (on the sequencer's thread) after a run that sequenced at least one event. */
    public void onSequenced(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Asks for a run {@code sequencer-nudge-delay} from now, without waiting for it; every nudge
     * before that run starts is answered by it.
     */
    public void nudge() {
        ScheduledExecutorService e = executor;
        if (e == null || !nudged.compareAndSet(false, true)) {
            return;
        }
        Runnable run = () -> {
            nudged.set(false);
            runQuietly();
        };
        try {
            long delay = props.sequencerNudgeDelay().toNanos();
            if (delay == 0) {
                e.execute(run);
            } else {
                e.schedule(run, delay, TimeUnit.NANOSECONDS);
            }
        } catch (RejectedExecutionException stopping) {
            nudged.set(false);
        }
    }

    /**
     * Sequences every committed, unsequenced event now, batch after batch, on the calling thread.
     *
     * @return how many events were sequenced
     */
    public int sequenceNow() {
        int total = 0;
        int n;
        do {
            n = sequenceBatch();
            total += n;
        } while (n >= props.sequencerBatch());
        if (total > 0) {
            listeners.forEach(Runnable::run);
        }
        return total;
    }

    /** One transaction in two round trips: lock the sequence and read the batch; number it. */
    private int sequenceBatch() {
        Integer n = tx.execute(status -> {
            RoundTrip trip = trips.open();
            OutboxBatchDao.SequencingRead read = batches.lockAndReadPending(trip, props.sequencerBatch());
            trip.run();
            List<SequencePlan.Pending> pending = read.pending().get();
            if (pending.isEmpty()) {
                return 0;
            }
            List<SequencePlan.Assignment> plan = SequencePlan.assign(pending, read.lastSeq());
            batches.assign(trip, plan);
            trip.run();
            return plan.size();
        });
        return n == null ? 0 : n;
    }

    /** A periodic run: one cheap query when nothing waits, which is most of the time. */
    private void pollQuietly() {
        try {
            if (!failing && !batches.anyPending()) {
                return;
            }
        } catch (RuntimeException e) {
            // the run below fails the same way, and says so once
        }
        runQuietly();
    }

    private void runQuietly() {
        try {
            sequenceNow();
            if (failing) {
                failing = false;
                log.info("event sequencing works again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn("event sequencing failed; retrying every {}: {}", props.sequencerInterval(), e.toString());
            }
        }
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        ScheduledExecutorService e = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "event-sequencer");
            t.setDaemon(true);
            return t;
        });
        long ms = props.sequencerInterval().toMillis();
        e.scheduleWithFixedDelay(this::pollQuietly, ms, ms, TimeUnit.MILLISECONDS);
        executor = e;
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService e = executor;
        if (e == null) {
            return;
        }
        executor = null;
        e.shutdown();
        try {
            if (!e.awaitTermination(5, TimeUnit.SECONDS)) {
                e.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            e.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
