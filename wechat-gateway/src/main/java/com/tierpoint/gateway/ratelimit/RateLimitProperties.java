package com.tierpoint.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tierpoint.rate-limits.<name>.per-ip} and {@code .per-member}: a bucket of
 * {@code capacity} requests that refills completely over {@code period}. A limit that is not
 * configured does not apply.
 */
@ConfigurationProperties("tierpoint")
public record RateLimitProperties(Map<String, Limit> rateLimits) {

    public RateLimitProperties {
        rateLimits = rateLimits == null ? Map.of() : Map.copyOf(rateLimits);
    }

    public record Limit(Bucket perIp, Bucket perMember) {}

    public record Bucket(int capacity, Duration period) {}
}
