package com.tierpoint.gateway.reminder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

/**
 * The member's send quotas per template, as WeChat counts them: every "accept" in
 * {@code wx.requestSubscribeMessage} allows one message of that template. Kept in the Redis hash
 * {@code tp:gw:subs:<memberId>} (template id -> remaining), so the gateway never calls WeChat for
 * a member who cannot receive the message. Spending is atomic, so two gateways never both spend
 * the last one.
 */
public final class SubscriptionQuotas {

    private static final DefaultRedisScript<Long> SPEND = new DefaultRedisScript<>(
            "local n = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0') "
                    + "if n > 0 then redis.call('HINCRBY', KEYS[1], ARGV[1], -1) return 1 end return 0",
            Long.class);

    private final StringRedisTemplate redis;

    public SubscriptionQuotas(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Adds {@code accepted} sends of a template; returns the new remaining count. */
    public long grant(String memberId, String templateId, int accepted) {
        Long n = redis.opsForHash().increment(key(memberId), templateId, accepted);
        return n == null ? 0 : n;
    }

    /** Remaining sends per template id (templates never accepted are absent). */
    public Map<String, Long> remaining(String memberId) {
        Map<String, Long> out = new LinkedHashMap<>();
        redis.opsForHash()
                .entries(key(memberId))
                .forEach((k, v) -> out.put(k.toString(), Long.parseLong(v.toString())));
        return out;
    }

    public long remaining(String memberId, String templateId) {
        Object v = redis.opsForHash().get(key(memberId), templateId);
        return v == null ? 0 : Long.parseLong(v.toString());
    }

    /** Takes one send, atomically; false when none is left. */
    boolean spend(String memberId, String templateId) {
        Long r = redis.execute(SPEND, List.of(key(memberId)), templateId);
        return r != null && r == 1;
    }

    /** Returns a send that was taken but not used (the message did not go out). */
    void giveBack(String memberId, String templateId) {
        redis.opsForHash().increment(key(memberId), templateId, 1);
    }

    /** WeChat says the user has none left (43101): believe it. */
    void clear(String memberId, String templateId) {
        redis.opsForHash().put(key(memberId), templateId, "0");
    }

    private static String key(String memberId) {
        return "tp:gw:subs:" + memberId;
    }
}
