package com.tierpoint.core.grpc;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Times every call by method and status code: {@code tierpoint_grpc_server_seconds} in Prometheus. */
public final class MetricsInterceptor implements ServerInterceptor {

    private final MeterRegistry registry;

    public MetricsInterceptor(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        Timer.Sample sample = Timer.start(registry);
        String method = call.getMethodDescriptor().getFullMethodName();
        ServerCall<Q, R> timed = new SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                sample.stop(Timer.builder("tierpoint.grpc.server")
                        .description("gRPC server calls")
                        .tag("method", method)
                        .tag("code", status.getCode().name())
                        .publishPercentileHistogram()
                        .register(registry));
                super.close(status, trailers);
            }
        };
        return next.startCall(timed, headers);
    }
}
