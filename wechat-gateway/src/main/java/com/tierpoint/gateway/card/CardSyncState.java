package com.tierpoint.gateway.card;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Per-member sync state in the Redis hash {@code tp:gw:card:<memberId>}: the member version last
 * written to the card, when, whether the card is activated, and the last error. It is what makes
 * redelivered and out-of-order events harmless: a version not newer than the synced one is skipped.
 */
public final class CardSyncState {

    /**
     * @param version the member version on the card; 0 before the first sync
     * @param activated whether the card was activated
     */
    public record State(long version, boolean activated, Instant syncedAt, String lastError, Instant lastErrorAt) {}

    private final StringRedisTemplate redis;

    public CardSyncState(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public State of(String memberId) {
        Map<Object, Object> h = redis.opsForHash().entries(key(memberId));
        return new State(
                h.containsKey("version") ? Long.parseLong(h.get("version").toString()) : 0,
                "1".equals(h.get("activated")),
                instant(h.get("synced_at")),
                h.containsKey("last_error") ? h.get("last_error").toString() : null,
                instant(h.get("last_error_at")));
    }

    void synced(String memberId, long version, Instant at) {
        redis.opsForHash()
                .putAll(
                        key(memberId),
                        Map.of(
                                "version", String.valueOf(version),
                                "activated", "1",
                                "synced_at", at.toString()));
        redis.opsForHash().delete(key(memberId), "last_error", "last_error_at");
    }

    void failed(String memberId, String error, Instant at) {
        redis.opsForHash().putAll(key(memberId), Map.of("last_error", error, "last_error_at", at.toString()));
    }

    private static Instant instant(Object v) {
        return v == null ? null : Instant.parse(v.toString());
    }

    private static String key(String memberId) {
        return "tp:gw:card:" + memberId;
    }
}
