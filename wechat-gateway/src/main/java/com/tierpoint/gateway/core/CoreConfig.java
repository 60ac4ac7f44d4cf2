package com.tierpoint.gateway.core;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One channel to the core for the whole gateway, round-robin over every address of the target. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CoreProperties.class)
class CoreConfig {

    private static final Logger log = LoggerFactory.getLogger(CoreConfig.class);

    @Bean(destroyMethod = "")
    ManagedChannel coreChannel(CoreProperties props) {
        ChannelCredentials credentials =
                props.tls() ? TlsChannelCredentials.create() : InsecureChannelCredentials.create();
        return Grpc.newChannelBuilder(props.target(), credentials)
                .defaultLoadBalancingPolicy("round_robin")
                .keepAliveTime(30, TimeUnit.SECONDS)
                .build();
    }

    @Bean
    CoreClient coreClient(ManagedChannel coreChannel, CoreProperties props) {
        return new CoreClient(coreChannel, apiKey(props), props.deadline());
    }

    @Bean
    CoreChannelCloser coreChannelCloser(ManagedChannel coreChannel) {
        return new CoreChannelCloser(coreChannel);
    }

    private static String apiKey(CoreProperties props) {
        if (props.apiKey() != null && !props.apiKey().isBlank()) {
            return props.apiKey().trim();
        }
        Path file = Path.of(props.apiKeyFile());
        if (!Files.exists(file)) {
            throw new IllegalStateException(
                    "no core API key: set TIERPOINT_CORE_API_KEY, or start the core's quickstart"
                            + " first so that it writes " + file.toAbsolutePath());
        }
        try {
            log.info("using the core API key from {}", file);
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
