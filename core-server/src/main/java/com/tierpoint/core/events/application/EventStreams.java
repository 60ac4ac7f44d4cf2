package com.tierpoint.core.events.application;

import com.tierpoint.core.events.model.DeliveryWindow;
import com.tierpoint.core.events.model.SequencedEvent;
import com.tierpoint.core.events.model.StreamEnd;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * The open event streams of this instance. Streams are fed by a few dedicated threads, never by
 * the gRPC workers, and never wait on anything while holding a database connection: each step
 * reads a page, sends what the client can take and returns. A stream is woken when the local
 * sequencer has sequenced events, when its client can take more, when its consumer acknowledges
 * through this instance, and every poll interval (for events sequenced, acknowledgements made
 * and takeovers done through other instances).
 *
 * <p>On every look at its consumer row a stream compares the session there with its own: a newer
 * Subscribe, through any instance, has replaced it, and the stream ends as superseded. When the
 * application context closes, every stream ends as {@link StreamEnd#SHUTTING_DOWN} before the
 * gRPC server stops.
 */
@Component
public class EventStreams implements ApplicationListener<ContextClosedEvent>, DisposableBean {

    /** One open stream, as its transport drives it. */
    public interface Subscription {

        /** Begins delivery; call once the transport's callbacks are in place. */
        void start();

        /** The client can take more events. */
        void wake();

        /** The client went away: stop without telling it. */
        void cancel();
    }

    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);
    private static final long SHUTDOWN_WAIT_MS = 5_000;

    private final EventLog events;
    private final EventConsumers consumers;
    private final EventProperties props;
    private final ScheduledExecutorService scheduler;
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    EventStreams(EventLog events, EventConsumers consumers, Sequencer sequencer, EventProperties props) {
        this.events = events;
        this.consumers = consumers;
        this.props = props;
        AtomicInteger n = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(props.streamThreads(), r -> {
            Thread t = new Thread(r, "event-stream-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        long ms = props.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::poll, ms, ms, TimeUnit.MILLISECONDS);
        sequencer.onSequenced(this::newEvents);
    }

    /**
     * Prepares a stream of a consumer whose session was just opened; nothing is sent before
     * {@link Subscription#start()}.
     *
     * @param types event types to deliver; empty for all
     */
    public Subscription open(
            String clientId, String consumer, EventConsumers.Session session, Set<String> types, EventSink sink) {
        return new Stream(clientId, consumer, session, types, sink);
    }

    /** The consumer acknowledged through this instance: its streams may have room again. */
    public void acked(String clientId, String consumer) {
        for (Stream s : open) {
            if (s.isOf(clientId, consumer)) {
                s.recheck();
            }
        }
    }

    private void newEvents() {
        open.forEach(Stream::wake);
    }

    private void poll() {
        open.forEach(Stream::recheck);
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closing = true;
        List<CompletableFuture<Void>> ending =
                open.stream().map(s -> s.end(StreamEnd.SHUTTING_DOWN)).toList();
        try {
            CompletableFuture.allOf(ending.toArray(CompletableFuture[]::new))
                    .get(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("{} event streams did not end in time at shutdown", open.size());
        }
        scheduler.shutdown();
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }

    private final class Stream implements Subscription {

        private final String clientId;
        private final String consumer;
        private final long session;
        private final Set<String> types;
        private final EventSink sink;
        private final DeliveryWindow window;
        /** Read from the log, not sent yet. */
        private final ArrayDeque<SequencedEvent> buffer = new ArrayDeque<>();

        private final AtomicInteger wip = new AtomicInteger();
        private final AtomicBoolean checkDue = new AtomicBoolean(true);
        private final CompletableFuture<Void> finished = new CompletableFuture<>();
        private volatile boolean cancelled;
        private volatile StreamEnd endRequested;

        // only touched by the pump, which never runs twice at once
        private long acked;
        /** Everything up to here has been read into the buffer (or skipped by the filter). */
        private long position;

        private volatile boolean done;

        Stream(String clientId, String consumer, EventConsumers.Session s, Set<String> types, EventSink sink) {
            this.clientId = clientId;
            this.consumer = consumer;
            this.session = s.sessionId();
            this.types = Set.copyOf(types);
            this.sink = sink;
            this.window = new DeliveryWindow(props.window());
            this.acked = s.ackedSeq();
            this.position = s.ackedSeq();
        }

        boolean isOf(String clientId, String consumer) {
            return this.clientId.equals(clientId) && this.consumer.equals(consumer);
        }

        @Override
        public void start() {
            open.add(this);
            if (closing) {
                endRequested = StreamEnd.SHUTTING_DOWN;
            }
            // an older stream of this consumer here ends at once, rather than at its next poll
            for (Stream s : open) {
                if (s != this && s.isOf(clientId, consumer)) {
                    s.recheck();
                }
            }
            wake();
        }

        @Override
        public void cancel() {
            cancelled = true;
            wake();
        }

        CompletableFuture<Void> end(StreamEnd why) {
            endRequested = why;
            wake();
            return finished;
        }

        /** Look at the consumer row again: acknowledgements, takeover. */
        void recheck() {
            checkDue.set(true);
            wake();
        }

        @Override
        public void wake() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            try {
                scheduler.execute(this::drain);
            } catch (RejectedExecutionException stopped) {
                // the feeding threads are gone (context closed) and no step is running: end here
                if (!done) {
                    finish(StreamEnd.SHUTTING_DOWN);
                }
            }
        }

        private void drain() {
            int missed = wip.get();
            while (true) {
                step();
                missed = wip.addAndGet(-missed);
                if (missed == 0) {
                    return;
                }
            }
        }

        private void step() {
            if (done) {
                return;
            }
            if (cancelled) {
                finish(null);
                return;
            }
            StreamEnd end = endRequested;
            if (end != null) {
                finish(end);
                return;
            }
            try {
                pump();
            } catch (RuntimeException e) {
                finish(null);
                try {
                    sink.fail(e);
                } catch (RuntimeException alreadyClosed) {
                    log.debug("stream of consumer {} closed before its failure could be reported", consumer);
                }
            }
        }

        /** Sends what there is and what the client and the window allow, at most a page per step. */
        private void pump() {
            boolean checked = false;
            if (checkDue.getAndSet(false)) {
                if (!check()) {
                    return;
                }
                checked = true;
            }
            int sent = 0;
            while (!cancelled && endRequested == null) {
                if (window.full() || buffer.isEmpty()) {
                    if (!checked) {
                        if (!check()) {
                            return;
                        }
                        checked = true;
                        continue;
                    }
                    if (window.full()) {
                        return; // until an acknowledgement arrives
                    }
                    fetch();
                    if (buffer.isEmpty()) {
                        return; // until new events are sequenced
                    }
                }
                if (!sink.isReady()) {
                    return; // until the client can take more
                }
                if (sent == props.pageSize()) {
                    yieldThenContinue();
                    return;
                }
                SequencedEvent e = buffer.removeFirst();
                sink.send(e);
                window.sent(e.seq());
                sent++;
            }
            wake(); // cancelled or ended meanwhile: the next step finishes
        }

        /** Lets the other streams have the thread, then goes on. */
        private void yieldThenContinue() {
            try {
                scheduler.execute(this::wake);
            } catch (RejectedExecutionException stopped) {
                finish(StreamEnd.SHUTTING_DOWN);
            }
        }

        /** Reads the consumer row: false (and the stream has ended) if another session owns it. */
        private boolean check() {
            Optional<EventConsumers.State> state = consumers.find(clientId, consumer);
            if (state.isEmpty() || state.get().sessionId() != session) {
                finish(StreamEnd.SUPERSEDED);
                return false;
            }
            long nowAcked = state.get().ackedSeq();
            if (nowAcked > acked) {
                acked = nowAcked;
                window.ackedUpTo(nowAcked);
                while (!buffer.isEmpty() && buffer.peekFirst().seq() <= nowAcked) {
                    buffer.removeFirst();
                }
                position = Math.max(position, nowAcked);
            }
            return true;
        }

        private void fetch() {
            long head = events.head();
            int limit = Math.min(props.pageSize(), window.room());
            List<SequencedEvent> page = events.read(position, head, types, limit);
            buffer.addAll(page);
            position = page.size() < limit
                    ? Math.max(position, head)
                    : page.get(page.size() - 1).seq();
        }

        private void finish(StreamEnd why) {
            done = true;
            open.remove(this);
            try {
                if (why != null && !cancelled) {
                    sink.end(why);
                }
            } catch (RuntimeException alreadyClosed) {
                log.debug("stream of consumer {} was closed before it could end as {}", consumer, why);
            } finally {
                finished.complete(null);
            }
        }
    }
}
