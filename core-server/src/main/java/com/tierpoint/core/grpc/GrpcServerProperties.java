package com.tierpoint.core.grpc;

import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tierpoint.grpc.*}: where the server listens, its limits, and optional TLS (set
 * {@code cert-chain} and {@code private-key}) or mTLS (also {@code client-ca}).
 */
@ConfigurationProperties("tierpoint.grpc")
public record GrpcServerProperties(
        @DefaultValue("0.0.0.0") String host,
        @DefaultValue("9090") int port,
        String inProcessName,
        @DefaultValue("32") int threads,
        @DefaultValue("1048576") int maxInboundMessageBytes,
        @DefaultValue("10s") Duration shutdownGrace,
        @DefaultValue Tls tls) {

    public record Tls(String certChain, String privateKey, String clientCa) {

        public boolean enabled() {
            return certChain != null && !certChain.isBlank();
        }

        ServerCredentials credentials() {
            if (!enabled()) {
                return InsecureServerCredentials.create();
            }
            try {
                TlsServerCredentials.Builder b =
                        TlsServerCredentials.newBuilder().keyManager(new File(certChain), new File(privateKey));
                if (clientCa != null && !clientCa.isBlank()) {
                    b.trustManager(new File(clientCa)).clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
                }
                return b.build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the gRPC TLS files", e);
            }
        }
    }
}
