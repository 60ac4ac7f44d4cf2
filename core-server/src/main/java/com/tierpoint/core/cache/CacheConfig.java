package com.tierpoint.core.cache;

import com.tierpoint.core.embedded.EmbeddedRedis;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Redis for the member-view cache: the configured URL, or an embedded server when there is none. */
@Configuration(proxyBeanMethods = false)
class CacheConfig {

    /** Holds the embedded server, if one was started, so it stops with the context. */
    record RedisEndpoint(String url, EmbeddedRedis embedded) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    @Bean
    RedisEndpoint redisEndpoint(@Value("${tierpoint.redis.url:}") String url) {
        if (url == null || url.isBlank()) {
            EmbeddedRedis embedded = new EmbeddedRedis();
            return new RedisEndpoint(embedded.url(), embedded);
        }
        return new RedisEndpoint(url, null);
    }

    @Bean
    RedisConnection redisConnection(
            RedisEndpoint endpoint, @Value("${tierpoint.redis.command-timeout:250ms}") Duration timeout) {
        return new RedisConnection(endpoint.url(), timeout);
    }

    @Bean
    MemberViewCache memberViewCache(
            RedisConnection redis,
            MeterRegistry meters,
            @Value("${tierpoint.cache.repair-interval:1s}") Duration repairEvery,
            @Value("${tierpoint.cache.near.enabled:true}") boolean nearEnabled,
            @Value("${tierpoint.cache.near.max-entries:50000}") int nearMaxEntries,
            @Value("${tierpoint.cache.near.max-age:10s}") Duration nearMaxAge) {
        return new MemberViewCache(
                redis, meters, repairEvery, new MemberViewCache.Near(nearEnabled, nearMaxEntries, nearMaxAge));
    }
}
