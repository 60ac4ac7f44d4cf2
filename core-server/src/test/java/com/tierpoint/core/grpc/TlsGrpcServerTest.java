package com.tierpoint.core.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpoint.core.auth.ApiKeyInterceptor;
import com.tierpoint.core.auth.ApiKeys;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TLS and mutual TLS switched on by configuration alone. */
class TlsGrpcServerTest {

    private GrpcServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void withACertificateTheServerSpeaksTls() throws Exception {
        start(new GrpcServerProperties.Tls(path("server.pem"), path("server.key"), null));
        ChannelCredentials trustCa =
                TlsChannelCredentials.newBuilder().trustManager(file("ca.pem")).build();

        assertThat(check(trustCa)).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    @Test
    void withAClientCaTheServerRefusesClientsWithoutACertificate() throws Exception {
        start(new GrpcServerProperties.Tls(path("server.pem"), path("server.key"), path("ca.pem")));
        ChannelCredentials noClientCert =
                TlsChannelCredentials.newBuilder().trustManager(file("ca.pem")).build();
        ChannelCredentials withClientCert = TlsChannelCredentials.newBuilder()
                .trustManager(file("ca.pem"))
                .keyManager(file("client.pem"), file("client.key"))
                .build();

        assertThatThrownBy(() -> check(noClientCert)).isInstanceOf(StatusRuntimeException.class);
        assertThat(check(withClientCert)).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    private void start(GrpcServerProperties.Tls tls) {
        GrpcServerProperties props = LocalServers.properties(2, tls);
        server = new GrpcServer(
                props,
                List.of(),
                List.of(
                        new MetricsInterceptor(new SimpleMeterRegistry()),
                        new ApiKeyInterceptor(new ApiKeys(List.of())),
                        new ErrorTranslator()),
                Executors.newFixedThreadPool(2),
                Set.of());
        server.start();
    }

    private HealthCheckResponse.ServingStatus check(ChannelCredentials creds) {
        ManagedChannel channel =
                Grpc.newChannelBuilder("localhost:" + server.port(), creds).build();
        try {
            return HealthGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(5, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.getDefaultInstance())
                    .getStatus();
        } finally {
            channel.shutdownNow();
        }
    }

    private static File file(String name) throws URISyntaxException {
        return new File(TlsGrpcServerTest.class.getResource("/tls/" + name).toURI());
    }

    private static String path(String name) throws URISyntaxException {
        return file(name).getAbsolutePath();
    }
}
