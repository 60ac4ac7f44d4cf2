package com.tierpoint.core.events.application;

import com.tierpoint.core.events.OutboxBatchDao;
import com.tierpoint.core.events.OutboxMapper;
import com.tierpoint.core.events.OutboxRow;
import com.tierpoint.core.events.infrastructure.EventSequenceMapper;
import com.tierpoint.core.events.model.SequencePlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>Runs every {@code tierpoint.events.sequencer-interval} and shortly after a local commit that
 * wrote events ({@code sequencer-nudge-delay}, so that the commits in between share one run);
 * {@link #sequenceNow()} runs it synchronously.
 */
@Component
public class Sequencer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Sequencer.class);

    private final OutboxMapper outbox;
    private final OutboxBatchDao batches;
    private final EventSequenceMapper sequence;
    private final TransactionTemplate tx;
    private final EventProperties props;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean nudged = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;
    private volatile boolean failing;

    Sequencer(
            OutboxMapper outbox,
            OutboxBatchDao batches,
            EventSequenceMapper sequence,
            PlatformTransactionManager transactions,
            EventProperties props) {
        this.outbox = outbox;
        this.batches = batches;
        this.sequence = sequence;
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

    private int sequenceBatch() {
        Integer n = tx.execute(status -> {
            long last = sequence.lockLast();
            List<OutboxRow> first = outbox.unsequenced(props.sequencerBatch());
            if (first.isEmpty()) {
                return 0;
            }
            // every pending row of these members, so none of their earlier changes is left for later
            Map<Long, OutboxRow> rows = new LinkedHashMap<>();
            first.forEach(r -> rows.put(r.id, r));
            batches.unsequencedOf(first.stream().map(r -> r.memberId).distinct().toList())
                    .forEach(r -> rows.putIfAbsent(r.id, r));
            List<SequencePlan.Pending> pending = new ArrayList<>(rows.size());
            rows.values().forEach(r -> pending.add(new SequencePlan.Pending(r.id, r.memberId, r.memberVersion)));
            List<SequencePlan.Assignment> plan = SequencePlan.assign(pending, last);
            if (batches.assign(plan) != plan.size()) {
                throw new IllegalStateException("outbox rows were sequenced concurrently despite the lock");
            }
            sequence.advanceTo(plan.get(plan.size() - 1).seq());
            return plan.size();
        });
        return n == null ? 0 : n;
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
        e.scheduleWithFixedDelay(this::runQuietly, ms, ms, TimeUnit.MILLISECONDS);
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
