package com.tierpoint.gateway.session;

import com.tierpoint.gateway.api.Digests;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Sessions in Redis, shared by every gateway instance. A session holds the member, the WeChat
 * identity and the WeChat {@code session_key} (kept server-side only, for later decryption of
 * user data; never returned or logged). Refresh tokens are stored as SHA-256 hashes and are
 * single-use: refreshing takes the old one atomically (GETDEL) and hands out a new one.
 */
public final class SessionStore {

    private static final String SESSION = "tp:gw:session:";
    private static final String REFRESH = "tp:gw:refresh:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StringRedisTemplate redis;
    private final Duration refreshTtl;

    public SessionStore(StringRedisTemplate redis, Duration refreshTtl) {
        this.redis = redis;
        this.refreshTtl = refreshTtl;
    }

    /** Creates a session and returns its refresh token. */
    public String create(MemberSession session, String unionid, String sessionKey) {
        String key = SESSION + session.sessionId();
        redis.opsForHash()
                .putAll(
                        key,
                        Map.of(
                                "mid", session.memberId(),
                                "app", session.appId(),
                                "openid", session.openid(),
                                "unionid", unionid == null ? "" : unionid,
                                "sk", sessionKey == null ? "" : sessionKey));
        redis.expire(key, refreshTtl);
        return newRefreshToken(session.sessionId());
    }

    public Optional<MemberSession> find(String sessionId) {
        List<Object> v = redis.opsForHash().multiGet(SESSION + sessionId, List.of("mid", "app", "openid"));
        if (v.get(0) == null) {
            return Optional.empty();
        }
        return Optional.of(new MemberSession(sessionId, (String) v.get(0), (String) v.get(1), (String) v.get(2)));
    }

    /**
     * Spends a refresh token: the session it belonged to and a new refresh token, or empty when
     * the token is unknown, already spent or its session ended.
     */
    public Optional<Refreshed> refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 200) {
            return Optional.empty();
        }
        String sessionId = redis.opsForValue().getAndDelete(REFRESH + Digests.sha256Hex(refreshToken));
        if (sessionId == null) {
            return Optional.empty();
        }
        Optional<MemberSession> session = find(sessionId);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        redis.expire(SESSION + sessionId, refreshTtl);
        return Optional.of(new Refreshed(session.get(), newRefreshToken(sessionId)));
    }

    public void end(String sessionId) {
        redis.delete(SESSION + sessionId);
    }

    public record Refreshed(MemberSession session, String refreshToken) {}

    private String newRefreshToken(String sessionId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "rt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        redis.opsForValue().set(REFRESH + Digests.sha256Hex(token), sessionId, refreshTtl);
        return token;
    }
}
