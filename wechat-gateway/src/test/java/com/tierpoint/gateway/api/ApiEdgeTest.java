package com.tierpoint.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tierpoint.gateway.support.GatewayInstance;
import com.tierpoint.gateway.support.GatewayTestBase;
import com.tierpoint.gateway.support.Http;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiEdgeTest extends GatewayTestBase {

    @Test
    void theOpenApiDescriptionListsEveryMiniProgramCall() {
        Http.Response r = http.get("/v3/api-docs", null);

        assertThat(r.status()).isEqualTo(200);
        JsonNode paths = r.json().get("paths");
        assertThat(paths.has("/api/v1/session")).isTrue();
        assertThat(paths.has("/api/v1/me")).isTrue();
        assertThat(paths.has("/api/v1/points/transactions")).isTrue();
        assertThat(paths.has("/api/v1/checkin")).isTrue();
        assertThat(paths.has("/api/v1/checkin/calendar")).isTrue();
        assertThat(paths.has("/api/v1/leaderboard")).isTrue();
        assertThat(paths.has("/api/v1/invites")).isTrue();
        assertThat(paths.has("/api/v1/invites/accept")).isTrue();
        assertThat(paths.has("/api/v1/invites/{code}/poster.png")).isTrue();
    }

    @Test
    void anUnknownPathIs404WithTheErrorBody() {
        Http.Response r = http.get("/api/v1/nothing-here", null);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void theWrongMethodIs405() {
        User u = login();

        Http.Response r = http.delete("/api/v1/me", u.accessToken());

        assertThat(r.status()).isEqualTo(405);
        assertThat(r.json().get("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void everyAnswerCarriesARequestIdThatTheErrorBodyRepeats() {
        Http.Response r = http.get("/api/v1/me", null);

        assertThat(r.header("X-Request-Id")).isNotBlank();
        assertThat(r.json().get("requestId").asText()).isEqualTo(r.header("X-Request-Id"));
    }

    @Test
    void whenTheCoreIsDownLoginIs503WithRetryAfterAndNoSessionIsMade() {
        Map<String, String> props = new java.util.LinkedHashMap<>(gatewayProperties());
        props.put("tierpoint.core.target", "127.0.0.1:1");
        props.put("tierpoint.core.deadline", "1s");
        try (GatewayInstance cut = GatewayInstance.start(clock, props)) {
            Http h = new Http(cut.baseUrl());

            Http.Response r = h.post("/api/v1/session", Map.of("code", sandbox.wxLogin(APP_ID, "core-down")), null);

            assertThat(r.status()).isEqualTo(503);
            assertThat(r.json().get("code").asText()).isEqualTo("CORE_UNAVAILABLE");
            assertThat(r.header("Retry-After")).isEqualTo("2");
            assertThat(r.json().has("accessToken")).isFalse();
        }
    }
}
