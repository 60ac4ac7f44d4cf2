package com.tierpoint.bench;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** One measured scenario, printed as one JSON line. */
record Result(
        String scenario,
        int concurrency,
        double seconds,
        long ops,
        double opsPerSecond,
        double p50Millis,
        double p99Millis,
        long errors,
        double load1) {

    static Result of(String scenario, int concurrency, double seconds, Histogram latencies, long errors, double load1) {
        long ops = latencies.getTotalCount();
        return new Result(
                scenario,
                concurrency,
                seconds,
                ops,
                seconds > 0 ? ops / seconds : 0,
                ops == 0 ? 0 : latencies.getValueAtPercentile(50) / 1e6,
                ops == 0 ? 0 : latencies.getValueAtPercentile(99) / 1e6,
                errors,
                load1);
    }

    String json() {
        return String.format(
                Locale.ROOT,
                "{\"scenario\":\"%s\",\"concurrency\":%d,\"seconds\":%.1f,\"ops\":%d,\"ops_per_s\":%.1f,"
                        + "\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"errors\":%d,\"load1\":%.2f}",
                scenario,
                concurrency,
                seconds,
                ops,
                opsPerSecond,
                p50Millis,
                p99Millis,
                errors,
                load1);
    }
}
