package com.tierpoint.core.grpc;

import com.tierpoint.core.auth.ApiKeys;
import java.time.Duration;
import java.util.List;

/** Settings for a gRPC server a test starts on a free loopback port. */
final class LocalServers {

    private LocalServers() {}

    /** Loopback, any free port, the given worker count, 1 MiB messages, 1 s grace, optional TLS. */
    static GrpcServerProperties properties(int threads, GrpcServerProperties.Tls tls) {
        return new GrpcServerProperties("127.0.0.1", 0, null, threads, 1 << 20, Duration.ofSeconds(1), tls);
    }

    /** Plaintext. */
    static GrpcServerProperties plaintext(int threads) {
        return properties(threads, new GrpcServerProperties.Tls(null, null, null));
    }

    /** One client with {@code members:read}, known by the SHA-256 of {@code key}. */
    static ApiKeys oneReader(String clientId, String key) {
        return new ApiKeys(List.of(new ApiKeys.Client(clientId, ApiKeys.sha256(key), List.of("members:read"))));
    }
}
