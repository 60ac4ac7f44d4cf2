package com.tierpoint.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.gateway.support.GatewayTestBase;
import com.tierpoint.gateway.support.Http;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginTest extends GatewayTestBase {

    @Test
    void aValidWxLoginCodeEnrollsTheUserAndGivesASessionThatOpensTheCard() {
        String code = sandbox.wxLogin(APP_ID, "alice-login");

        Http.Response r = http.post("/api/v1/session", Map.of("code", code), null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("newMember").asBoolean()).isTrue();
        assertThat(r.json().get("expiresIn").asLong()).isEqualTo(7200);
        assertThat(r.json().get("refreshToken").asText()).startsWith("rt_");
        assertThat(r.text()).doesNotContainIgnoringCase("session_key").doesNotContainIgnoringCase("sessionKey");
        String token = r.json().get("accessToken").asText();
        Http.Response card = http.get("/api/v1/me", token);
        assertThat(card.status()).isEqualTo(200);
        assertThat(card.json().get("memberId").asText())
                .isEqualTo(r.json().get("memberId").asText());
    }

    @Test
    void loggingInAgainFindsTheSameMember() {
        User first = login("bob-again", null);

        User second = login("bob-again", null);

        assertThat(second.memberId()).isEqualTo(first.memberId());
    }

    @Test
    void aReusedCodeIsRefusedWith401AndWeChatsReason() {
        String code = sandbox.wxLogin(APP_ID, "carol-reuse");
        assertThat(http.post("/api/v1/session", Map.of("code", code), null).status())
                .isEqualTo(200);

        Http.Response again = http.post("/api/v1/session", Map.of("code", code), null);

        assertThat(again.status()).isEqualTo(401);
        assertThat(again.json().get("code").asText()).isEqualTo("WX_CODE_USED");
    }

    @Test
    void anInvalidCodeIsRefusedWith401() {
        Http.Response r = http.post("/api/v1/session", Map.of("code", "not-a-code-wechat-made"), null);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("code").asText()).isEqualTo("WX_CODE_INVALID");
        assertThat(r.json().get("requestId").asText()).isNotBlank();
    }

    @Test
    void aMissingCodeIs400NamingTheField() {
        Http.Response r = http.post("/api/v1/session", Map.of("nickname", "x"), null);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(r.json().get("fields").get(0).get("field").asText()).isEqualTo("code");
    }

    @Test
    void aBodyThatIsNotJsonIs400() {
        Http.Response r = http.post("/api/v1/session", "{code:", null);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void aForgedTokenIs401() {
        User u = login();
        String[] parts = u.accessToken().split("\\.");
        String forged = parts[0] + "." + parts[1] + "x." + parts[2];

        assertThat(http.get("/api/v1/me", forged).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/me", "v1.e30.AAAA").status()).isEqualTo(401);
        assertThat(http.get("/api/v1/me", null).json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void anExpiredTokenIs401AndTheRefreshTokenGivesANewOneOnce() {
        User u = login();
        clock.advance(Duration.ofHours(2).plusSeconds(1));

        assertThat(http.get("/api/v1/me", u.accessToken()).status()).isEqualTo(401);

        Http.Response refreshed = http.post("/api/v1/session/refresh", Map.of("refreshToken", u.refreshToken()), null);
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(http.get("/api/v1/me", refreshed.json().get("accessToken").asText())
                        .status())
                .isEqualTo(200);
        // refresh tokens are single use
        assertThat(http.post("/api/v1/session/refresh", Map.of("refreshToken", u.refreshToken()), null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void loggingOutEndsTheSessionAtOnce() {
        User u = login();

        assertThat(http.delete("/api/v1/session", u.accessToken()).status()).isEqualTo(204);

        assertThat(http.get("/api/v1/me", u.accessToken()).status()).isEqualTo(401);
        assertThat(http.post("/api/v1/session/refresh", Map.of("refreshToken", u.refreshToken()), null)
                        .status())
                .isEqualTo(401);
    }
}
