package com.tierpoint.gateway.reminder;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

/**
 * What was sent, in Redis: the dedupe claim per reminder ({@code tp:gw:reminder:<key>}) and the
 * per-member count of the program day ({@code tp:gw:reminder-day:<memberId>:<day>}).
 *
 * <p>A reminder is claimed (SET NX) before it is sent and marked afterwards. A reminder whose
 * claim exists is never sent again, whatever state the claim is in: an event redelivered after a
 * restart or a takeover is skipped. The price: a gateway that crashes between claiming and
 * sending loses that one reminder. Reminders are a courtesy; a duplicate annoys the member and
 * spends a quota they gave for something else, so losing one is the lesser harm.
 */
final class ReminderLedger {

    /** Claims outlive any redelivery: the core retains events for days, not months. */
    private static final Duration CLAIM_TTL = Duration.ofDays(30);

    private static final DefaultRedisScript<Long> TAKE_SLOT = new DefaultRedisScript<>(
            "local n = tonumber(redis.call('GET', KEYS[1]) or '0') "
                    + "if n >= tonumber(ARGV[1]) then return 0 end "
                    + "redis.call('INCR', KEYS[1]) redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1",
            Long.class);
    private static final DefaultRedisScript<Long> RETURN_SLOT = new DefaultRedisScript<>(
            "local n = tonumber(redis.call('GET', KEYS[1]) or '0') "
                    + "if n > 0 then return redis.call('DECR', KEYS[1]) end return 0",
            Long.class);

    private final StringRedisTemplate redis;

    ReminderLedger(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** True when this caller may send the reminder: nobody claimed it before. */
    boolean claim(String reminderKey) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key(reminderKey), "claimed", CLAIM_TTL));
    }

    /** The claim's final state: {@code sent} or {@code skipped:<reason>}. */
    void settle(String reminderKey, String state) {
        redis.opsForValue().set(key(reminderKey), state, CLAIM_TTL);
    }

    /** Undoes a claim whose send failed transiently, so that the retry may claim it again. */
    void release(String reminderKey) {
        redis.delete(key(reminderKey));
    }

    /** The claim's state, or null when never claimed. */
    String state(String reminderKey) {
        return redis.opsForValue().get(key(reminderKey));
    }

    /** Takes one of the member's reminders of {@code day}; false when the cap is reached. */
    boolean takeDailySlot(String memberId, LocalDate day, int cap) {
        Long r = redis.execute(
                TAKE_SLOT,
                List.of(dayKey(memberId, day)),
                String.valueOf(cap),
                String.valueOf(Duration.ofDays(2).toMillis()));
        return r != null && r == 1;
    }

    void returnDailySlot(String memberId, LocalDate day) {
        redis.execute(RETURN_SLOT, List.of(dayKey(memberId, day)));
    }

    private static String key(String reminderKey) {
        return "tp:gw:reminder:" + reminderKey;
    }

    private static String dayKey(String memberId, LocalDate day) {
        return "tp:gw:reminder-day:" + memberId + ":" + day;
    }
}
