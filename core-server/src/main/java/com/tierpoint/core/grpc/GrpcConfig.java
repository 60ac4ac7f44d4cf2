package com.tierpoint.core.grpc;

import com.tierpoint.core.auth.ApiKeyInterceptor;
import com.tierpoint.core.auth.ApiKeys;
import com.tierpoint.core.auth.Scopes;
import com.tierpoint.core.demo.DemoCredentials;
import io.grpc.BindableService;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gRPC server with its executor and interceptors, in plain sight. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({GrpcServerProperties.class, AuthProperties.class})
class GrpcConfig {

    /** Configured clients, plus the demo client when the quickstart's demo mode is on. */
    @Bean
    ApiKeys apiKeys(AuthProperties auth, ObjectProvider<DemoCredentials> demo) {
        List<ApiKeys.Client> clients = new ArrayList<>(auth.clients());
        demo.ifAvailable(d -> clients.add(new ApiKeys.Client(
                "demo",
                ApiKeys.sha256(d.key()),
                List.of(
                        Scopes.MEMBERS_READ,
                        Scopes.MEMBERS_WRITE,
                        Scopes.POINTS_READ,
                        Scopes.POINTS_WRITE,
                        Scopes.ORDERS_WRITE,
                        Scopes.PROGRAM_READ,
                        Scopes.PROGRAM_ADMIN,
                        Scopes.EVENTS_READ,
                        Scopes.OPERATORS_READ,
                        Scopes.OPERATORS_WRITE,
                        Scopes.ANALYTICS_READ))));
        return new ApiKeys(clients);
    }

    @Bean
    GrpcWorkers grpcWorkers(GrpcServerProperties props) {
        AtomicInteger n = new AtomicInteger();
        // bounded: when every worker is busy and the queue is full, new calls are refused instead of piling up
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                props.threads(),
                props.threads(),
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(props.threads() * 64),
                r -> {
                    Thread t = new Thread(r, "grpc-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        return new GrpcWorkers(executor);
    }

    @Bean
    GrpcServer grpcServer(
            GrpcServerProperties props,
            List<BindableService> services,
            ApiKeys keys,
            MeterRegistry meters,
            GrpcWorkers workers) {
        Set<String> inline = new HashSet<>();
        services.stream()
                .filter(AnswersInline.class::isInstance)
                .forEach(s -> inline.addAll(((AnswersInline) s).inlineMethods()));
        return new GrpcServer(
                props,
                services,
                List.of(new MetricsInterceptor(meters), new ApiKeyInterceptor(keys), new ErrorTranslator()),
                workers.executor(),
                inline);
    }
}
