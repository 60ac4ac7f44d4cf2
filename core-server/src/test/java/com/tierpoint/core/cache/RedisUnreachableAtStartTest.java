package com.tierpoint.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A core that starts while Redis is down serves every read as a miss and keeps running. */
class RedisUnreachableAtStartTest {

    @Test
    void readsAreMissesAndInvalidationsAreRememberedWhenRedisWasNeverReachable() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        RedisConnection redis = new RedisConnection("redis://127.0.0.1:" + closedPort, Duration.ofMillis(200));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (MemberViewCache cache = new MemberViewCache(
                redis, meters, Duration.ofHours(1), new MemberViewCache.Near(true, 100, Duration.ofSeconds(10)))) {
            assertThatThrownBy(redis::sync).isInstanceOf(RedisException.class);
            assertThatThrownBy(redis::sync).isInstanceOf(RedisException.class);

            assertThat(cache.get(42L)).isEmpty();
            cache.invalidate(42L, 7L);

            assertThat(cache.suspect()).isTrue();
            assertThat(cache.nearCacheActive()).isFalse();
            assertThat(meters.get("tierpoint.cache.missed_invalidations")
                            .gauge()
                            .value())
                    .isEqualTo(1.0);
        } finally {
            redis.close();
        }
    }
}
