package com.tierpoint.gateway.console;

import com.tierpoint.gateway.api.Digests;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Operator sessions, in Redis and apart from the mini-program's member sessions: a random cookie
 * value (stored only as its SHA-256) naming a WeCom user id, with a CSRF token of its own. A
 * session ends after {@code idle} without requests and at the latest {@code max} after login.
 * OAuth {@code state} values live here too: single-use and short-lived.
 */
final class OperatorSessions {

    private static final String SESSION = "tp:gw:op:session:";
    private static final String STATE = "tp:gw:op:state:";
    private static final Duration STATE_TTL = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final Duration idle;
    private final Duration max;

    OperatorSessions(StringRedisTemplate redis, Clock clock, Duration idle, Duration max) {
        this.redis = redis;
        this.clock = clock;
        this.idle = idle;
        this.max = max;
    }

    /** A logged-in operator: the WeCom user id and the token non-GET requests must echo. */
    record OperatorSession(String userId, String csrf, Instant since) {}

    /** Creates a session; returns the cookie value. */
    String create(String userId) {
        String token = random();
        String key = SESSION + Digests.sha256Hex(token);
        redis.opsForHash().putAll(key, Map.of("uid", userId, "csrf", random(), "since", Long.toString(clock.millis())));
        redis.expire(key, idle);
        return token;
    }

    /** The session of a cookie value, renewing its idle time; empty when unknown or over its age. */
    Optional<OperatorSession> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String key = SESSION + Digests.sha256Hex(token);
        List<Object> v = redis.opsForHash().multiGet(key, List.of("uid", "csrf", "since"));
        if (v.get(0) == null) {
            return Optional.empty();
        }
        Instant since = Instant.ofEpochMilli(Long.parseLong((String) v.get(2)));
        if (!clock.instant().isBefore(since.plus(max))) {
            redis.delete(key);
            return Optional.empty();
        }
        redis.expire(key, idle);
        return Optional.of(new OperatorSession((String) v.get(0), (String) v.get(1), since));
    }

    void delete(String token) {
        if (token != null && !token.isBlank() && token.length() <= 100) {
            redis.delete(SESSION + Digests.sha256Hex(token));
        }
    }

    /** A new OAuth state remembering where to go after login. */
    String newState(String next) {
        String state = random();
        redis.opsForValue().set(STATE + state, next == null ? "" : next, STATE_TTL);
        return state;
    }

    /** Spends an OAuth state: where to go next, or empty for an unknown, used or expired one. */
    Optional<String> takeState(String state) {
        if (state == null || state.isBlank() || state.length() > 100) {
            return Optional.empty();
        }
        return Optional.ofNullable(redis.opsForValue().getAndDelete(STATE + state));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
