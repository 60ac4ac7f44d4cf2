package com.tierpoint.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: {@code concurrency} threads call one operation back to back, first for a
 * warm-up (not counted), then for the measured window. An operation started in the window is
 * counted when it ends; one that throws is an error, and its latency is not recorded.
 */
final class LoadRun {

    /** One call; {@code worker} is the calling thread's index, {@code n} its call count. */
    interface Op {
        void call(int worker, long n) throws Exception;
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
        Thread.sleep(warmup.toMillis());
        phase.set(Phase.MEASURE);
        long measureStart = System.nanoTime();
        Thread.sleep(measure.toMillis());
        phase.set(Phase.STOP);
        long elapsed = System.nanoTime() - measureStart;
        for (Thread t : threads) {
            t.join();
        }
        Histogram all = new Histogram(Duration.ofMinutes(1).toNanos(), 3);
        histograms.forEach(all::add);
        if (firstError.get() != null) {
            System.err.println(scenario + ": first error: " + firstError.get());
        }
        return Result.of(scenario, concurrency, elapsed / 1e9, all, errors.get(), Machine.load1());
    }
}
