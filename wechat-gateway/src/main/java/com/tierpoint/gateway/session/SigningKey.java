package com.tierpoint.gateway.session;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The HMAC key of session tokens: configured, or generated once and shared by every instance through Redis. */
final class SigningKey {

    static final String REDIS_KEY = "tp:gw:session-signing-key";
    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    private SigningKey() {}

    static byte[] resolve(SessionProperties props, StringRedisTemplate redis) {
        if (props.secret() != null && !props.secret().isBlank()) {
            if (props.secret().length() < 32) {
                throw new IllegalStateException("tierpoint.session.secret must be at least 32 characters");
            }
            return props.secret().getBytes(StandardCharsets.UTF_8);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        redis.opsForValue().setIfAbsent(REDIS_KEY, Base64.getEncoder().encodeToString(random));
        log.warn("no TIERPOINT_SESSION_SECRET: session tokens are signed with a key generated and kept in Redis");
        return Base64.getDecoder().decode(redis.opsForValue().get(REDIS_KEY));
    }
}
