package com.tierpoint.gateway.events;

import com.tierpoint.gateway.core.CoreClient;
import com.tierpoint.proto.v1.AckRequest;
import com.tierpoint.proto.v1.Event;
import com.tierpoint.proto.v1.StartPosition;
import com.tierpoint.proto.v1.SubscribeRequest;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

/**
 * One durable consumer of the core's event stream. The offset lives in the core: an event is
 * acknowledged only after its handler finished, so a gateway restart resumes where it stopped
 * and nothing is lost. Among several gateway instances one holds the consumer's lease in Redis
 * and streams; the others stand by and take over when the lease lapses (instead of taking the
 * stream from each other back and forth).
 *
 * <p>Metrics: {@code tierpoint.gateway.events.handled} and {@code .dead} (counters) and
 * {@code tierpoint.gateway.events.lag.seconds} (gauge: how old the last handled event was when
 * it was handled), each tagged with the consumer.
 */
public final class EventStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventStream.class);
    private static final int POISON_ATTEMPTS = 5;
    private static final DefaultRedisScript<Long> RENEW = new DefaultRedisScript<>(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0",
            Long.class);

    private static final DefaultRedisScript<Long> RELEASE = new DefaultRedisScript<>(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0", Long.class);

    private final CoreClient core;
    private final StringRedisTemplate redis;
    private final String consumer;
    private final List<String> types;
    private final StartPosition start;
    private final EventHandler handler;
    private final Clock clock;
    private final Settings settings;
    private final String holder = UUID.randomUUID().toString();
    private final Counter handled;
    private final Counter dead;
    private final AtomicLong lagSeconds = new AtomicLong();

    private volatile ScheduledExecutorService leaseKeeper;
    private volatile boolean running;
    /** Counted down by stop(): wakes every pause of the consuming thread at once. */
    private volatile CountDownLatch stopping = new CountDownLatch(0);
    /** True while a handler runs: stop() then lets it finish instead of cutting its calls. */
    private volatile boolean delivering;

    private volatile Thread thread;
    private volatile Context.CancellableContext call;
    private volatile long lastSequence;

    /**
     * @param lease how long a lease holds without renewal; renewed at a third of it
     * @param maxBackoff the longest wait between retries of a failing event or reconnects
     */
    public record Settings(Duration lease, Duration initialBackoff, Duration maxBackoff) {
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(15), Duration.ofMillis(200), Duration.ofSeconds(30));
        }
    }

    public EventStream(
            CoreClient core,
            StringRedisTemplate redis,
            MeterRegistry meters,
            String consumer,
            List<String> types,
            StartPosition start,
            EventHandler handler,
            Clock clock,
            Settings settings) {
        this.core = core;
        this.redis = redis;
        this.consumer = consumer;
        this.types = List.copyOf(types);
        this.start = start;
        this.handler = handler;
        this.clock = clock;
        this.settings = settings;
        this.handled = Counter.builder("tierpoint.gateway.events.handled")
                .tag("consumer", consumer)
                .register(meters);
        this.dead = Counter.builder("tierpoint.gateway.events.dead")
                .tag("consumer", consumer)
                .register(meters);
        meters.gauge(
                "tierpoint.gateway.events.lag.seconds",
                List.of(io.micrometer.core.instrument.Tag.of("consumer", consumer)),
                lagSeconds);
    }

    public String consumer() {
        return consumer;
    }

    /** The sequence of the last event this instance acknowledged (0 before the first). */
    public long lastAcknowledged() {
        return lastSequence;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return; // one consuming thread per instance: a second would supersede the first
        }
        running = true;
        stopping = new CountDownLatch(1);
        leaseKeeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lease-" + consumer);
            t.setDaemon(true);
            return t;
        });
        Thread t = new Thread(this::run, "events-" + consumer);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public synchronized void stop() {
        // The consuming thread is not interrupted: an interrupt cuts a handler's Redis and HTTP
        // calls half way (a reminder's claim could not be given back). A handler that is running
        // finishes; an idle stream is ended by cancelling its call; pauses wake on the latch.
        running = false;
        stopping.countDown();
        if (!delivering) {
            cancelCall();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cancelCall();
            if (t.isAlive()) {
                t.interrupt(); // last resort: a handler stuck for 10 s
            }
        }
        ScheduledExecutorService keeper = leaseKeeper;
        if (keeper != null) {
            keeper.shutdownNow();
        }
        redis.execute(RELEASE, List.of(leaseKey()), holder);
    }

    private void cancelCall() {
        Context.CancellableContext c = call;
        if (c != null) {
            c.cancel(null);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the core channel closes (which has the lowest phase). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void run() {
        Duration backoff = settings.initialBackoff();
        while (running) {
            try {
                if (!holdLease()) {
                    pause(settings.lease().dividedBy(3));
                    continue;
                }
                stream();
                backoff = settings.initialBackoff();
            } catch (StatusRuntimeException e) {
                if (!running) {
                    return;
                }
                log.info(
                        "event stream {} ended ({}); reconnecting",
                        consumer,
                        e.getStatus().getCode());
                pause(backoff);
                backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("event stream {} failed; reconnecting", consumer, e);
                pause(backoff);
                backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
            }
        }
    }

    private void stream() {
        Context.CancellableContext ctx = Context.current().withCancellation();
        call = ctx;
        // the lease is renewed on a timer, also while the stream is idle: renewing only after
        // events let an idle holder's lease lapse, and two instances took the stream from each
        // other every lease period
        long every = Math.max(1, settings.lease().dividedBy(3).toMillis());
        ScheduledFuture<?> renewal =
                leaseKeeper.scheduleWithFixedDelay(() -> keepLease(ctx), every, every, TimeUnit.MILLISECONDS);
        try {
            ctx.run(() -> {
                Iterator<Event> events = core.eventStreamBlocking()
                        .subscribe(SubscribeRequest.newBuilder()
                                .setConsumer(consumer)
                                .setStart(start)
                                .addAllTypes(types)
                                .build());
                log.info("event stream {}: streaming", consumer);
                while (running && events.hasNext()) {
                    Event e = events.next();
                    delivering = true;
                    try {
                        deliver(e);
                        ack(e.getSequence());
                    } finally {
                        delivering = false;
                    }
                }
            });
        } finally {
            renewal.cancel(false);
            ctx.cancel(null);
            call = null;
        }
    }

    private void keepLease(Context.CancellableContext ctx) {
        if (!running || ctx.isCancelled()) {
            return;
        }
        try {
            if (!holdLease()) {
                log.info("event stream {}: lease lost, standing by", consumer);
                ctx.cancel(null);
            }
        } catch (RuntimeException e) {
            // Redis unreachable: keep streaming; should the lease lapse meanwhile, the core ends
            // this stream when another instance takes over
            log.warn("event stream {}: cannot renew the lease: {}", consumer, e.toString());
        }
    }

    private void deliver(Event e) {
        Duration backoff = settings.initialBackoff();
        int failures = 0;
        while (running) {
            try {
                handler.handle(e);
                handled.increment();
                lagSeconds.set(Math.max(
                        0, clock.instant().getEpochSecond() - e.getOccurredAt().getSeconds()));
                return;
            } catch (EventHandler.RetryLater retry) {
                if (retry.retryIn() != null) {
                    Duration wait = min(retry.retryIn(), settings.maxBackoff());
                    log.debug(
                            "{} event {} ({}): {}; looking again in {}",
                            consumer,
                            e.getEventId(),
                            e.getType(),
                            retry.getMessage(),
                            wait);
                    pause(wait);
                    continue;
                }
                log.info(
                        "{} event {} ({}): {}; retrying in {}",
                        consumer,
                        e.getEventId(),
                        e.getType(),
                        retry.getMessage(),
                        backoff);
            } catch (RuntimeException bug) {
                failures++;
                if (failures >= POISON_ATTEMPTS) {
                    log.error(
                            "{} event {} ({}) failed {} times; parked in the dead-letter list",
                            consumer,
                            e.getEventId(),
                            e.getType(),
                            failures,
                            bug);
                    redis.opsForList()
                            .rightPush(
                                    "tp:gw:dead:" + consumer,
                                    e.getEventId() + " " + e.getType() + " " + e.getMemberId());
                    dead.increment();
                    return;
                }
                log.warn("{} event {} ({}) failed; retrying", consumer, e.getEventId(), e.getType(), bug);
            }
            pause(backoff);
            backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
        }
        throw new IllegalStateException("stopped");
    }

    private void ack(long sequence) {
        core.events()
                .ack(AckRequest.newBuilder()
                        .setConsumer(consumer)
                        .setSequence(sequence)
                        .build());
        lastSequence = sequence;
    }

    /** Takes or renews this consumer's lease; true when this instance holds it. */
    private boolean holdLease() {
        if (!running) {
            // a stopping instance never takes the lease again: stop() may already have released
            // it, and a lease taken now would keep the stand-by instances waiting a whole period
            return false;
        }
        long ms = settings.lease().toMillis();
        Boolean taken = redis.opsForValue().setIfAbsent(leaseKey(), holder, settings.lease());
        if (Boolean.TRUE.equals(taken)) {
            return true;
        }
        Long renewed = redis.execute(RENEW, List.of(leaseKey()), holder, String.valueOf(ms));
        return renewed != null && renewed == 1;
    }

    private String leaseKey() {
        return "tp:gw:consumer-lease:" + consumer;
    }

    private void pause(Duration d) {
        try {
            stopping.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
