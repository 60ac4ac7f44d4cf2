package com.tierpoint.gateway.invite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tierpoint.gateway.support.GatewayTestBase;
import com.tierpoint.gateway.support.Http;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InviteFlowTest extends GatewayTestBase {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @Test
    void anInviteSharesACardPathAPosterSceneAndAUrlLink() {
        User inviter = login();

        JsonNode invite =
                http.post("/api/v1/invites", Map.of(), inviter.accessToken()).json();

        String code = invite.get("code").asText();
        assertThat(code).hasSize(10);
        assertThat(invite.get("path").asText()).isEqualTo("/pages/invite/accept?code=" + code);
        assertThat(invite.get("scene").asText()).isEqualTo(code);
        assertThat(invite.get("urlLink").asText()).startsWith("https://wxaurl.cn/");
        assertThat(invite.get("posterUrl").asText()).isEqualTo("/api/v1/invites/" + code + "/poster.png");
        assertThat(sandbox.received("/wxa/generate_urllink")).hasSize(1);
    }

    @Test
    void aNewUserLoggingInWithTheCodeBecomesTheInviteeAndBothAreRewarded() {
        User inviter = login();
        String code = http.post("/api/v1/invites", Map.of(), inviter.accessToken())
                .json()
                .get("code")
                .asText();
        clock.advance(Duration.ofMinutes(5));

        User friend = login("friend-" + code, code);

        assertThat(http.get("/api/v1/me", friend.accessToken())
                        .json()
                        .at("/points/available")
                        .asLong())
                .isEqualTo(20);
        assertThat(http.get("/api/v1/me", inviter.accessToken())
                        .json()
                        .at("/points/available")
                        .asLong())
                .isEqualTo(10);
        JsonNode friends =
                http.get("/api/v1/invites", inviter.accessToken()).json().get("invites");
        assertThat(friends).hasSize(1);
        assertThat(friends.at("/0/stage").asText()).isEqualTo("ENROLLED");
        assertThat(friends.at("/0/memberId").asText()).contains("*").isNotEqualTo(friend.memberId());
    }

    @Test
    void aNewMemberCanAcceptACodeAfterLoggingInAndASecondAcceptIsAConflictWithTheReason() {
        User inviter = login();
        clock.advance(Duration.ofMinutes(1));
        String code = http.post("/api/v1/invites", Map.of(), inviter.accessToken())
                .json()
                .get("code")
                .asText();
        clock.advance(Duration.ofMinutes(1));
        User friend = login();

        Http.Response accepted = http.post("/api/v1/invites/accept", Map.of("code", code), friend.accessToken());
        Http.Response again = http.post("/api/v1/invites/accept", Map.of("code", code), friend.accessToken());

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("inviterMemberId").asText()).isEqualTo(inviter.memberId());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("ALREADY_INVITED");
    }

    @Test
    void acceptingOnesOwnCodeIsRefusedAndAMalformedCodeIs400() {
        User inviter = login();
        String code = http.post("/api/v1/invites", Map.of(), inviter.accessToken())
                .json()
                .get("code")
                .asText();

        Http.Response self = http.post("/api/v1/invites/accept", Map.of("code", code), inviter.accessToken());
        Http.Response malformed =
                http.post("/api/v1/invites/accept", Map.of("code", "no spaces!"), inviter.accessToken());

        assertThat(self.status()).isEqualTo(409);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().at("/fields/0/field").asText()).isEqualTo("code");
    }

    @Test
    void thePosterIsAPngWithTheMiniProgramCodeAndIsCachedSoWeChatIsAskedOnce() {
        User inviter = login();
        String code = http.post("/api/v1/invites", Map.of(), inviter.accessToken())
                .json()
                .get("code")
                .asText();

        Http.Response poster = http.get("/api/v1/invites/" + code + "/poster.png", inviter.accessToken());
        Http.Response again = http.get("/api/v1/invites/" + code + "/poster.png", inviter.accessToken());

        assertThat(poster.status()).isEqualTo(200);
        assertThat(poster.header("Content-Type")).isEqualTo("image/png");
        assertThat(Arrays.copyOf(poster.body(), 8)).isEqualTo(PNG_SIGNATURE);
        assertThat(again.body()).isEqualTo(poster.body());
        var calls = sandbox.received("/wxa/getwxacodeunlimit");
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).body()).contains("\"scene\":\"" + code + "\"");
    }

    @Test
    void someoneElsesPosterIsNotFound() {
        User inviter = login();
        User other = login();
        String code = http.post("/api/v1/invites", Map.of(), inviter.accessToken())
                .json()
                .get("code")
                .asText();

        Http.Response r = http.get("/api/v1/invites/" + code + "/poster.png", other.accessToken());

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("code").asText()).isEqualTo("INVITE_NOT_FOUND");
    }

    @Test
    void whenWeChatRateLimitsTheCodeThePosterCallIs429AndNothingIsCached() {
        User inviter = login();
        String code = http.post("/api/v1/invites", Map.of(), inviter.accessToken())
                .json()
                .get("code")
                .asText();
        sandbox.faults().failNext("/wxa/getwxacodeunlimit", 45009, 1);

        Http.Response limited = http.get("/api/v1/invites/" + code + "/poster.png", inviter.accessToken());
        Http.Response later = http.get("/api/v1/invites/" + code + "/poster.png", inviter.accessToken());

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(later.status()).isEqualTo(200);
    }
}
