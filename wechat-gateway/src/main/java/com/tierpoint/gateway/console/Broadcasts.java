package com.tierpoint.gateway.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

/**
 * Campaign notices to customer groups, queued in Redis per group robot. WeCom lets one robot
 * send 20 messages a minute: a send is taken from a robot's queue only together with a slot of
 * that robot's one-minute window, in one Lua script, so several gateways sending at once never
 * exceed it. A notice is queued once per operator request id (a double click queues one).
 */
final class Broadcasts {

    enum Status {
        QUEUED,
        SENDING,
        SENT,
        FAILED
    }

    record Broadcast(
            String id,
            String chatId,
            Status status,
            String markdown,
            String operator,
            Instant queuedAt,
            Instant sentAt,
            String error,
            Long position) {}

    private static final String PREFIX = "tp:gw:bc:";
    private static final String CHATS = PREFIX + "chats";
    /** Notices taken for sending, scored by when: what a gateway that stopped mid-send left behind. */
    private static final String SENDING = PREFIX + "sending";
    /**
     * A notice taken longer ago than this and still not finished was left by a gateway that
     * stopped; a webhook call ends (answer or timeout) well within it.
     */
    static final Duration SENDING_LEASE = Duration.ofMinutes(5);

    private static final Duration KEEP = Duration.ofDays(30);
    private static final int LISTED = 50;

    /**
     * KEYS: queue, window, chats, sending; ARGV: now ms, window ms, limit, chat id, notice key
     * prefix. Returns the id taken, now SENDING and recorded as being sent, or nil.
     */
    private static final DefaultRedisScript<String> TAKE = new DefaultRedisScript<>(
            """
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
            if redis.call('LLEN', KEYS[1]) == 0 then
              redis.call('SREM', KEYS[3], ARGV[4])
              return false
            end
            if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[3]) then return false end
            local id = redis.call('LPOP', KEYS[1])
            redis.call('ZADD', KEYS[2], ARGV[1], id)
            redis.call('PEXPIRE', KEYS[2], ARGV[2])
            redis.call('ZADD', KEYS[4], ARGV[1], id)
            redis.call('HSET', ARGV[5] .. id, 'status', 'SENDING')
            return id
            """,
            String.class);

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final int perMinute;

    Broadcasts(StringRedisTemplate redis, Clock clock, int perMinute) {
        this.redis = redis;
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** Queues a notice; the same operator and request id again returns the notice queued the first time. */
    Broadcast enqueue(String chatId, String markdown, String operator, String requestId) {
        String id = UUID.randomUUID().toString();
        String reqKey = PREFIX + "req:" + operator + ":" + requestId;
        Boolean first = redis.opsForValue().setIfAbsent(reqKey, id, Duration.ofDays(1));
        if (!Boolean.TRUE.equals(first)) {
            return find(redis.opsForValue().get(reqKey)).orElseThrow();
        }
        Instant now = clock.instant();
        Map<String, String> fields = new HashMap<>();
        fields.put("id", id);
        fields.put("chat", chatId);
        fields.put("status", Status.QUEUED.name());
        fields.put("markdown", markdown);
        fields.put("operator", operator);
        fields.put("queuedAt", Long.toString(now.toEpochMilli()));
        redis.opsForHash().putAll(key(id), fields);
        redis.expire(key(id), KEEP);
        // listed by a counter, not the time: notices queued within one millisecond keep their order
        Long seq = redis.opsForValue().increment(PREFIX + "seq");
        redis.opsForZSet().add(listed(chatId), id, seq == null ? now.toEpochMilli() : seq);
        redis.opsForZSet().removeRange(listed(chatId), 0, -LISTED - 1);
        redis.opsForList().rightPush(queue(chatId), id);
        redis.opsForSet().add(CHATS, chatId);
        return find(id).orElseThrow();
    }

    /** The group's notices, newest first. */
    List<Broadcast> list(String chatId) {
        Set<String> ids = redis.opsForZSet().reverseRange(listed(chatId), 0, LISTED - 1);
        List<Broadcast> out = new ArrayList<>();
        if (ids != null) {
            ids.forEach(id -> find(id).ifPresent(out::add));
        }
        return out;
    }

    Optional<Broadcast> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Map<Object, Object> h = redis.opsForHash().entries(key(id));
        if (h.isEmpty()) {
            return Optional.empty();
        }
        Status status = Status.valueOf((String) h.get("status"));
        String chat = (String) h.get("chat");
        Long position = null;
        if (status == Status.QUEUED) {
            Long at = redis.opsForList().indexOf(queue(chat), id);
            position = at == null ? null : at + 1;
        }
        return Optional.of(new Broadcast(
                id,
                chat,
                status,
                (String) h.get("markdown"),
                (String) h.get("operator"),
                instant(h.get("queuedAt")),
                instant(h.get("sentAt")),
                (String) h.get("error"),
                position));
    }

    /** Groups with queued notices. */
    Set<String> chatsWithQueues() {
        Set<String> chats = redis.opsForSet().members(CHATS);
        return chats == null ? Set.of() : chats;
    }

    /** Takes the group's next notice if its robot has a free slot in the current minute. */
    Optional<Broadcast> takeNext(String chatId) {
        String id = redis.execute(
                TAKE,
                List.of(queue(chatId), PREFIX + "window:" + chatId, CHATS, SENDING),
                Long.toString(clock.millis()),
                "60000",
                Integer.toString(perMinute),
                chatId,
                PREFIX);
        return find(id);
    }

    void sent(String id) {
        redis.opsForHash()
                .putAll(key(id), Map.of("status", Status.SENT.name(), "sentAt", Long.toString(clock.millis())));
        redis.opsForZSet().remove(SENDING, id);
    }

    void failed(String id, String error) {
        redis.opsForHash().putAll(key(id), Map.of("status", Status.FAILED.name(), "error", error));
        redis.opsForZSet().remove(SENDING, id);
    }

    /** Puts a notice back at the head of its queue, to be sent when the robot has room again. */
    void retryLater(Broadcast b, String error) {
        redis.opsForHash().putAll(key(b.id()), Map.of("status", Status.QUEUED.name(), "error", error));
        redis.opsForList().leftPush(queue(b.chatId()), b.id());
        redis.opsForSet().add(CHATS, b.chatId());
        redis.opsForZSet().remove(SENDING, b.id());
    }

    /**
     * Notices taken for sending more than {@link #SENDING_LEASE} ago and never finished: a gateway
     * stopped while sending them. Each is handed to exactly one caller, whichever gateway asks,
     * and no longer counts as being sent; whether WeCom received it cannot be known.
     */
    List<Broadcast> abandoned() {
        long before = clock.millis() - SENDING_LEASE.toMillis();
        Set<String> ids = redis.opsForZSet().rangeByScore(SENDING, Double.NEGATIVE_INFINITY, before);
        List<Broadcast> out = new ArrayList<>();
        if (ids == null) {
            return out;
        }
        for (String id : ids) {
            Long removed = redis.opsForZSet().remove(SENDING, id);
            if (removed != null && removed == 1) {
                find(id).ifPresent(out::add);
            }
        }
        return out;
    }

    int attempt(String id) {
        return redis.opsForHash().increment(key(id), "attempts", 1).intValue();
    }

    private static Instant instant(Object millis) {
        return millis == null ? null : Instant.ofEpochMilli(Long.parseLong((String) millis));
    }

    private static String key(String id) {
        return PREFIX + id;
    }

    private static String queue(String chatId) {
        return PREFIX + "q:" + chatId;
    }

    private static String listed(String chatId) {
        return PREFIX + "g:" + chatId;
    }
}
