package com.tierpoint.gateway.core;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tierpoint.core.*}: where the loyalty core is and how the gateway authenticates to it.
 *
 * @param target gRPC target, e.g. {@code dns:///core.internal:9090} (round-robin over every
 *     address) or {@code 127.0.0.1:9090}
 * @param apiKey the gateway's own client key; when blank it is read from {@code apiKeyFile}
 * @param apiKeyFile where the core's quickstart leaves its demo key
 * @param deadline every unary call's deadline
 */
@ConfigurationProperties("tierpoint.core")
public record CoreProperties(
        @DefaultValue("127.0.0.1:9090") String target,
        String apiKey,
        @DefaultValue("data/demo-api-key") String apiKeyFile,
        @DefaultValue("3s") Duration deadline,
        @DefaultValue("false") boolean tls) {}
