package com.tierpoint.core.grpc;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Times every call by method and status code: {@code tierpoint_grpc_server_seconds} in Prometheus.
 * The timer of each method and code is looked up in the registry once, then kept here: a call
 * costs a clock read at each end and one map lookup, not a meter id built and registered.
 */
public final class MetricsInterceptor implements ServerInterceptor {

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, AtomicReferenceArray<Timer>> timers = new ConcurrentHashMap<>();

    public MetricsInterceptor(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        long start = registry.config().clock().monotonicTime();
        String method = call.getMethodDescriptor().getFullMethodName();
        ServerCall<Q, R> timed = new SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                long elapsed = registry.config().clock().monotonicTime() - start;
                timer(method, status.getCode()).record(elapsed, TimeUnit.NANOSECONDS);
                super.close(status, trailers);
            }
        };
        return next.startCall(timed, headers);
    }

    private Timer timer(String method, Status.Code code) {
        AtomicReferenceArray<Timer> byCode =
                timers.computeIfAbsent(method, m -> new AtomicReferenceArray<>(Status.Code.values().length));
        Timer t = byCode.get(code.ordinal());
        if (t == null) {
            t = Timer.builder("tierpoint.grpc.server")
                    .description("gRPC server calls")
                    .tag("method", method)
                    .tag("code", code.name())
                    .publishPercentileHistogram()
                    .register(registry);
            // two calls racing here both register: the registry hands both the same timer
            byCode.set(code.ordinal(), t);
        }
        return t;
    }
}
