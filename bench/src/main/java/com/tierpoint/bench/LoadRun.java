package com.tierpoint.bench;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: {@code concurrency} calls of one operation in flight, each followed by the
 * next as soon as it ends, first for a warm-up (not counted), then for the measured window. An
 * operation started in the window is counted when it ends; one that fails is an error, and its
 * latency is not recorded. {@link #run} keeps them in flight with one thread each (for blocking
 * clients: JDBC, Lettuce's synchronous API, the HTTP client); {@link #runAsync} with callbacks (for
 * gRPC, whose blocking stubs cost the generator more CPU per call than the server spends on it).
 */
final class LoadRun {

    /** One call; {@code worker} is the calling thread's index, {@code n} its call count. */
    interface Op {
        void call(int worker, long n) throws Exception;
    }

    /** One asynchronous call, started; the future ends when the call does. */
    interface AsyncOp {
        ListenableFuture<?> start(int worker, long n);
    }

    private enum Phase {
        WARMUP,
        MEASURE,
        STOP
    }

    private LoadRun() {}

    static Result run(String scenario, int concurrency, Duration warmup, Duration measure, Op op)
            throws InterruptedException {
        AtomicReference<Phase> phase = new AtomicReference<>(Phase.WARMUP);
        AtomicLong errors = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Histogram h = new Histogram(Duration.ofMinutes(1).toNanos(), 3);
            histograms.add(h);
            int worker = w;
            Thread t = new Thread(
                    () -> {
                        long n = 0;
                        Phase p;
                        while ((p = phase.get()) != Phase.STOP) {
                            long start = System.nanoTime();
                            try {
                                op.call(worker, n++);
                                if (p == Phase.MEASURE) {
                                    h.recordValue(Math.min(System.nanoTime() - start, h.getHighestTrackableValue()));
                                }
                            } catch (Exception e) {
                                if (p == Phase.MEASURE) {
                                    errors.incrementAndGet();
                                }
                                firstError.compareAndSet(null, e);
                            }
                        }
                    },
                    scenario + "-" + w);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        long elapsed = warmUpThenMeasure(phase, warmup, measure);
        for (Thread t : threads) {
            t.join();
        }
        return result(scenario, concurrency, elapsed, histograms, errors, firstError);
    }

    /** Lets the load warm up, then measure; answers how long the measurement lasted, in nanoseconds. */
    private static long warmUpThenMeasure(AtomicReference<Phase> phase, Duration warmup, Duration measure)
            throws InterruptedException {
        Thread.sleep(warmup.toMillis());
        phase.set(Phase.MEASURE);
        long measureStart = System.nanoTime();
        Thread.sleep(measure.toMillis());
        phase.set(Phase.STOP);
        return System.nanoTime() - measureStart;
    }

    /** The latencies of every caller merged into one result; the first error, if any, on stderr. */
    private static Result result(
            String scenario,
            int concurrency,
            long elapsedNanos,
            List<Histogram> histograms,
            AtomicLong errors,
            AtomicReference<Throwable> firstError) {
        Histogram all = new Histogram(Duration.ofMinutes(1).toNanos(), 3);
        histograms.forEach(all::add);
        if (firstError.get() != null) {
            System.err.println(scenario + ": first error: " + firstError.get());
        }
        return Result.of(scenario, concurrency, elapsedNanos / 1e9, all, errors.get(), Machine.load1());
    }

    /**
     * Like {@link #run}, with {@code concurrency} calls in flight and no thread of their own: each
     * call's completion starts the next one of its slot, on whatever thread completed it (the
     * client's transport thread, for a gRPC channel with a direct executor).
     */
    static Result runAsync(String scenario, int concurrency, Duration warmup, Duration measure, AsyncOp op)
            throws InterruptedException {
        AtomicReference<Phase> phase = new AtomicReference<>(Phase.WARMUP);
        AtomicLong errors = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(concurrency);
        List<Slot> slots = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            slots.add(new Slot(w, op, phase, errors, firstError, stopped));
        }
        slots.forEach(Slot::next);
        long elapsed = warmUpThenMeasure(phase, warmup, measure);
        if (!stopped.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(scenario + ": calls still in flight 30 s after the end");
        }
        return result(
                scenario,
                concurrency,
                elapsed,
                slots.stream().map(sl -> sl.histogram).toList(),
                errors,
                firstError);
    }

    /** One call in flight at a time, each started when the one before it ended. */
    private static final class Slot {

        private final int worker;
        private final AsyncOp op;
        private final AtomicReference<Phase> phase;
        private final AtomicLong errors;
        private final AtomicReference<Throwable> firstError;
        private final CountDownLatch stopped;
        /** Written by one call's completion at a time: each starts after the previous one ended. */
        private final Histogram histogram = new Histogram(Duration.ofMinutes(1).toNanos(), 3);

        private long n;

        Slot(
                int worker,
                AsyncOp op,
                AtomicReference<Phase> phase,
                AtomicLong errors,
                AtomicReference<Throwable> firstError,
                CountDownLatch stopped) {
            this.worker = worker;
            this.op = op;
            this.phase = phase;
            this.errors = errors;
            this.firstError = firstError;
            this.stopped = stopped;
        }

        /** Starts calls until one is still running (its completion goes on) or the load stops. */
        void next() {
            while (true) {
                Phase p = phase.get();
                if (p == Phase.STOP) {
                    stopped.countDown();
                    return;
                }
                long start = System.nanoTime();
                ListenableFuture<?> call;
                try {
                    call = op.start(worker, n++);
                } catch (RuntimeException e) {
                    failed(p, e);
                    continue;
                }
                if (!call.isDone()) {
                    call.addListener(
                            () -> {
                                ended(call, p, start);
                                next();
                            },
                            MoreExecutors.directExecutor());
                    return;
                }
                ended(call, p, start);
            }
        }

        private void ended(ListenableFuture<?> call, Phase p, long start) {
            try {
                call.get();
                if (p == Phase.MEASURE) {
                    histogram.recordValue(Math.min(System.nanoTime() - start, histogram.getHighestTrackableValue()));
                }
            } catch (ExecutionException e) {
                failed(p, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed(p, e);
            }
        }

        private void failed(Phase p, Throwable e) {
            if (p == Phase.MEASURE) {
                errors.incrementAndGet();
            }
            firstError.compareAndSet(null, e);
        }
    }
}
