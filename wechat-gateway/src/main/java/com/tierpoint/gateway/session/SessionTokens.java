package com.tierpoint.gateway.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed access tokens: {@code v1.<claims>.<HMAC-SHA256>}, base64url, with the session id, the
 * member id and the expiry. A token proves who the caller is only while its session exists too
 * (checked by {@link SessionStore}), so logging out ends it at once.
 */
public final class SessionTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretKeySpec key;

    public SessionTokens(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    public record Claims(String sessionId, String memberId, Instant expiresAt) {}

    public String issue(Claims claims) {
        ObjectNode node = JSON.createObjectNode()
                .put("sid", claims.sessionId())
                .put("mid", claims.memberId())
                .put("exp", claims.expiresAt().getEpochSecond());
        String body = "v1." + B64.encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
        return body + "." + B64.encodeToString(mac(body));
    }

    /** The claims of a well-formed, correctly signed, unexpired token; empty for anything else. */
    public Optional<Claims> verify(String token, Instant now) {
        if (token == null || token.length() > 1024) {
            return Optional.empty();
        }
        int lastDot = token.lastIndexOf('.');
        if (!token.startsWith("v1.") || lastDot <= 3) {
            return Optional.empty();
        }
        String body = token.substring(0, lastDot);
        try {
            byte[] given = B64D.decode(token.substring(lastDot + 1));
            if (!MessageDigest.isEqual(given, mac(body))) {
                return Optional.empty();
            }
            JsonNode node = JSON.readTree(B64D.decode(body.substring(3)));
            Instant exp = Instant.ofEpochSecond(node.path("exp").asLong());
            if (!now.isBefore(exp)) {
                return Optional.empty();
            }
            return Optional.of(
                    new Claims(node.path("sid").asText(), node.path("mid").asText(), exp));
        } catch (IllegalArgumentException | java.io.IOException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
