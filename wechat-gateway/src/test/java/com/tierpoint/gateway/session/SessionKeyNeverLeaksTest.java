package com.tierpoint.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.tierpoint.gateway.support.GatewayTestBase;
import com.tierpoint.gateway.support.Http;
import com.tierpoint.gateway.support.LogCapture;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Goes through every API call, good and bad, with WxJava's and the gateway's loggers at DEBUG,
 * then looks for every WeChat session_key the sandbox handed out during the whole test run (all
 * sessions in Redis) in these responses and in every log line of the test JVM. Runs after the
 * other test classes so that their log lines are scanned too; {@code Http} also refuses any
 * response of any test that mentions a session key.
 */
@Order(Integer.MAX_VALUE)
class SessionKeyNeverLeaksTest extends GatewayTestBase {

    @Test
    void noResponseAndNoLogLineEverContainsASessionKeyOrTheAppSecret() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        List<String> loud = List.of("cn.binarywang", "me.chanjar", "com.tierpoint.gateway", "org.springframework.web");
        loud.forEach(name -> ctx.getLogger(name).setLevel(Level.DEBUG));
        List<Http.Response> responses = new ArrayList<>();
        try {
            User u = login();
            String code = sandbox.wxLogin(APP_ID, "leak-check");
            responses.add(http.post("/api/v1/session", Map.of("code", code), null));
            responses.add(http.post("/api/v1/session", Map.of("code", code), null)); // 40163
            responses.add(http.post("/api/v1/session", Map.of("code", "bogus"), null)); // 40029
            responses.add(http.post("/api/v1/session/refresh", Map.of("refreshToken", u.refreshToken()), null));
            responses.add(http.get("/api/v1/me", u.accessToken()));
            responses.add(http.get("/api/v1/points/transactions", u.accessToken()));
            responses.add(http.post("/api/v1/checkin", Map.of(), u.accessToken()));
            responses.add(http.get("/api/v1/checkin/calendar", u.accessToken()));
            responses.add(http.get("/api/v1/leaderboard", u.accessToken()));
            Http.Response invite = http.post("/api/v1/invites", Map.of(), u.accessToken());
            responses.add(invite);
            responses.add(http.get("/api/v1/invites", u.accessToken()));
            responses.add(http.get(invite.json().get("posterUrl").asText(), u.accessToken()));
            responses.add(http.post("/api/v1/invites/accept", Map.of("code", "ZZZZZZZZZZ"), u.accessToken()));
            responses.add(http.get("/api/v1/me", "v1.forged.token"));
            responses.add(http.get("/v3/api-docs", null));
        } finally {
            loud.forEach(name -> ctx.getLogger(name).setLevel(null));
        }

        Set<String> secrets = issuedSessionKeys();
        secrets.add(APP_SECRET);
        assertThat(secrets).hasSizeGreaterThan(2);
        for (Http.Response r : responses) {
            String body = r.text();
            assertThat(body).doesNotContain("session_key").doesNotContain("sessionKey");
            secrets.forEach(s -> assertThat(body).doesNotContain(s));
        }
        for (String line : LogCapture.install().lines()) {
            assertThat(line).doesNotContain("session_key");
            secrets.forEach(s -> assertThat(line).as("log line %s", line).doesNotContain(s));
        }
    }

    private static Set<String> issuedSessionKeys() {
        StringRedisTemplate redis = gateway.bean(StringRedisTemplate.class);
        Set<String> keys = new HashSet<>();
        for (String k : redis.keys("tp:gw:session:*")) {
            Object sk = redis.opsForHash().get(k, "sk");
            if (sk != null && !sk.toString().isBlank()) {
                keys.add(sk.toString());
            }
        }
        return keys;
    }
}
