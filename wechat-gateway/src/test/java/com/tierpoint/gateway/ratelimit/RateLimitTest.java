package com.tierpoint.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.gateway.support.GatewayTestBase;
import com.tierpoint.gateway.support.Http;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitTest extends GatewayTestBase {

    @Test
    void theSixthCheckInWithinAMinuteIs429WithRetryAfterAndTheBucketRefills() {
        User u = login();
        for (int i = 0; i < 5; i++) {
            assertThat(http.post("/api/v1/checkin", Map.of(), u.accessToken()).status())
                    .isEqualTo(200);
        }

        Http.Response limited = http.post("/api/v1/checkin", Map.of(), u.accessToken());

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 13);

        clock.advance(Duration.ofSeconds(13));
        assertThat(http.post("/api/v1/checkin", Map.of(), u.accessToken()).status())
                .isEqualTo(200);
    }

    @Test
    void loginIsLimitedPerIpAndAnotherMembersCheckInIsNot() {
        User other = login();
        for (int i = 0; i < 19; i++) {
            http.post("/api/v1/session", Map.of("code", "bogus-" + i), null);
        }

        Http.Response limited = http.post("/api/v1/session", Map.of("code", "bogus-x"), null);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(http.post("/api/v1/checkin", Map.of(), other.accessToken()).status())
                .isEqualTo(200);
    }
}
