package com.tierpoint.core.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpoint.core.auth.ApiKeyInterceptor;
import com.tierpoint.core.auth.ApiKeys;
import com.tierpoint.core.support.CoreTestBase;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server as deployed: Netty on a real port, health open, reflection behind a key, calls timed. */
class NettyGrpcServerTest {

    private GrpcServer server;
    private ManagedChannel channel;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void start() {
        GrpcServerProperties props = LocalServers.plaintext(2);
        ApiKeys keys = LocalServers.oneReader("ops", "ops-key");
        server = new GrpcServer(
                props,
                List.of(),
                List.of(new MetricsInterceptor(meters), new ApiKeyInterceptor(keys), new ErrorTranslator()),
                Executors.newFixedThreadPool(2),
                Set.of());
        server.start();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port())
                .usePlaintext()
                .build();
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.stop();
    }

    @Test
    void theHealthServiceAnswersServingWithoutAKey() {
        HealthCheckResponse r = HealthGrpc.newBlockingStub(channel)
                .withDeadlineAfter(5, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance());

        assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    @Test
    void reflectionListsServicesForAnAuthenticatedClientOnlyAndCallsAreTimed() throws Exception {
        assertThat(listServices(null).get(5, TimeUnit.SECONDS))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));

        Object ok = listServices("ops-key").get(5, TimeUnit.SECONDS);

        assertThat(ok).isInstanceOfSatisfying(ServerReflectionResponse.class, r -> assertThat(
                        r.getListServicesResponse().getServiceList())
                .extracting(s -> s.getName())
                .contains("grpc.health.v1.Health"));
        assertThat(meters.find("tierpoint.grpc.server")
                        .tag("code", "UNAUTHENTICATED")
                        .timer())
                .isNotNull();
        // the server times a call when it closes it, which may be just after the client has the answer
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (meters.find("tierpoint.grpc.server").tag("code", "OK").timer() == null && System.nanoTime() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        assertThat(meters.find("tierpoint.grpc.server").tag("code", "OK").timer())
                .isNotNull();
    }

    @Test
    void aHealthCheckAfterStopFails() {
        server.stop();

        assertThatThrownBy(() -> HealthGrpc.newBlockingStub(channel)
                        .withDeadlineAfter(2, TimeUnit.SECONDS)
                        .check(HealthCheckRequest.getDefaultInstance()))
                .isInstanceOf(StatusRuntimeException.class);
    }

    private CompletableFuture<Object> listServices(String key) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        var stub = ServerReflectionGrpc.newStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS);
        if (key != null) {
            stub = stub.withCallCredentials(CoreTestBase.key(key));
        }
        StreamObserver<ServerReflectionRequest> requests = stub.serverReflectionInfo(new StreamObserver<>() {
            @Override
            public void onNext(ServerReflectionResponse value) {
                result.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                result.complete(t);
            }

            @Override
            public void onCompleted() {
                result.complete("completed without a response");
            }
        });
        requests.onNext(
                ServerReflectionRequest.newBuilder().setListServices("*").build());
        requests.onCompleted();
        return result;
    }
}
