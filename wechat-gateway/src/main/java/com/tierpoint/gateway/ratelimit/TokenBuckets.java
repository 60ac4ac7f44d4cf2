package com.tierpoint.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Token buckets in Redis, so every gateway instance counts against the same limit. One Lua
 * script reads, refills and takes atomically; the time is the gateway's clock, passed in.
 */
public final class TokenBuckets {

    private static final RedisScript<List> TAKE = new DefaultRedisScript<>(
            """
            local capacity = tonumber(ARGV[1])
            local per_ms = tonumber(ARGV[2])
            local now = tonumber(ARGV[3])
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1])
            local at = tonumber(state[2])
            if tokens == nil then
              tokens = capacity
              at = now
            end
            if now > at then
              tokens = math.min(capacity, tokens + (now - at) * per_ms)
              at = now
            end
            local allowed = 0
            local wait_ms = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            else
              wait_ms = math.ceil((1 - tokens) / per_ms)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(at))
            redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / per_ms) + 1000)
            return {allowed, wait_ms}
            """,
            List.class);

    private final StringRedisTemplate redis;
    private final Clock clock;

    public TokenBuckets(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /** Takes one token; empty when allowed, else how long until a token is back. */
    public Duration take(String key, RateLimitProperties.Bucket bucket) {
        double perMs = (double) bucket.capacity() / Math.max(1, bucket.period().toMillis());
        List<?> r = redis.execute(
                TAKE,
                List.of(key),
                String.valueOf(bucket.capacity()),
                Double.toString(perMs),
                String.valueOf(clock.millis()));
        long allowed = ((Number) r.get(0)).longValue();
        return allowed == 1 ? Duration.ZERO : Duration.ofMillis(((Number) r.get(1)).longValue());
    }
}
