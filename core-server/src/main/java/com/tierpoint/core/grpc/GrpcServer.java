package com.tierpoint.core.grpc;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The gRPC server: started after the application context is ready, stopped gracefully before it
 * closes. Either Netty on a port (optionally TLS/mTLS) or, for tests, in-process by name.
 *
 * <p>Calls run on the worker executor, except the methods a service declares {@link
 * AnswersInline}: those start on the transport thread (no hand-over to a worker and back for an
 * answer that is already in memory) and hand their blocking part to the workers themselves.
 */
public final class GrpcServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GrpcServer.class);

    private final GrpcServerProperties props;
    private final List<BindableService> services;
    private final List<ServerInterceptor> interceptorsOuterFirst;
    private final ExecutorService executor;
    private final Set<String> inlineMethods;
    private final HealthStatusManager health = new HealthStatusManager();
    private volatile Server server;

    GrpcServer(
            GrpcServerProperties props,
            List<BindableService> services,
            List<ServerInterceptor> interceptorsOuterFirst,
            ExecutorService executor,
            Set<String> inlineMethods) {
        this.props = props;
        this.services = services;
        this.interceptorsOuterFirst = interceptorsOuterFirst;
        this.executor = executor;
        this.inlineMethods = Set.copyOf(inlineMethods);
    }

    @Override
    public void start() {
        ServerBuilder<?> builder;
        if (props.inProcessName() != null && !props.inProcessName().isBlank()) {
            builder = InProcessServerBuilder.forName(props.inProcessName());
        } else {
            NettyServerBuilder netty = NettyServerBuilder.forAddress(
                    new InetSocketAddress(props.host(), props.port()),
                    props.tls().credentials());
            netty.maxConnectionIdle(5, TimeUnit.MINUTES).permitKeepAliveTime(20, TimeUnit.SECONDS);
            builder = netty;
        }
        // the server runs everything on the transport thread; ToWorkers moves every call not
        // declared inline to the workers before any interceptor of it runs
        builder.directExecutor().maxInboundMessageSize(props.maxInboundMessageBytes());
        ToWorkers toWorkers = new ToWorkers(executor, inlineMethods);
        List<ServerServiceDefinition> definitions =
                services.stream().map(BindableService::bindService).toList();
        List<ServerServiceDefinition> served = new ArrayList<>(definitions);
        served.add(health.getHealthService().bindService());
        served.add(ProtoReflectionServiceV1.newInstance().bindService());
        for (ServerServiceDefinition d : served) {
            builder.addService(toWorkers.apply(ServerInterceptors.interceptForward(d, interceptorsOuterFirst)));
        }
        try {
            server = builder.build().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the gRPC server on port " + props.port(), e);
        }
        health.setStatus("", ServingStatus.SERVING);
        definitions.forEach(d -> health.setStatus(d.getServiceDescriptor().getName(), ServingStatus.SERVING));
        log.info(
                "gRPC server listening on {}",
                props.inProcessName() != null && !props.inProcessName().isBlank()
                        ? "in-process:" + props.inProcessName()
                        : props.host() + ":" + server.getPort() + (props.tls().enabled() ? " (TLS)" : ""));
    }

    /** The bound port (useful with port 0); -1 in-process. */
    public int port() {
        return server == null ? -1 : server.getPort();
    }

    @Override
    public void stop() {
        Server s = server;
        if (s == null) {
            return;
        }
        health.enterTerminalState();
        s.shutdown();
        try {
            if (!s.awaitTermination(props.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                s.shutdownNow();
            }
        } catch (InterruptedException e) {
            s.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor.shutdown();
        server = null;
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }
}
