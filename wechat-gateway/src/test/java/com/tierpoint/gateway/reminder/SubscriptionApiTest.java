package com.tierpoint.gateway.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tierpoint.gateway.support.Http;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the mini-program posts after wx.requestSubscribeMessage, and what it reads back. */
class SubscriptionApiTest extends ReminderTestBase {

    @Test
    void everyAcceptIsOneMessageAndTheOtherAnswersChangeNothing() {
        User u = login();
        Map<String, String> results = new LinkedHashMap<>();
        results.put(TPL_POINTS_EXPIRING, "accept");
        results.put(TPL_TIER_UPGRADED, "reject");
        results.put(TPL_STREAK, "ban");

        http.post("/api/v1/subscriptions", Map.of("results", results), u.accessToken());
        Http.Response r = http.post(
                "/api/v1/subscriptions", Map.of("results", Map.of(TPL_POINTS_EXPIRING, "accept")), u.accessToken());

        assertThat(r.status()).isEqualTo(200);
        assertThat(gatewayQuota(u, TPL_POINTS_EXPIRING)).isEqualTo(2);
        assertThat(gatewayQuota(u, TPL_TIER_UPGRADED)).isZero();
        assertThat(gatewayQuota(u, TPL_STREAK)).isZero();
    }

    @Test
    void theListNamesEveryConfiguredTemplateWithItsEventAndTitle() {
        User u = login();

        JsonNode list = http.get("/api/v1/subscriptions", u.accessToken()).json();

        assertThat(list.get("templates")).hasSize(4);
        assertThat(list.findValuesAsText("eventType"))
                .containsExactlyInAnyOrder(
                        "points.expiring", "tier.expiring", "tier.upgraded", "checkin.streak_at_risk");
        assertThat(list.at("/templates/0/title").asText()).isNotBlank();
    }

    @Test
    void anUnknownTemplateIdIs400NamingIt() {
        User u = login();

        Http.Response r = http.post(
                "/api/v1/subscriptions", Map.of("results", Map.of("tpl-nobody-configured", "accept")), u.accessToken());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/fields/0/field").asText()).isEqualTo("results.tpl-nobody-configured");
        assertThat(gatewayQuota(u, TPL_POINTS_EXPIRING)).isZero();
    }

    @Test
    void anAnswerWeChatDoesNotGiveIs400() {
        User u = login();

        Http.Response r = http.post(
                "/api/v1/subscriptions", Map.of("results", Map.of(TPL_POINTS_EXPIRING, "maybe")), u.accessToken());

        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void subscribingNeedsASession() {
        Http.Response r =
                http.post("/api/v1/subscriptions", Map.of("results", Map.of(TPL_POINTS_EXPIRING, "accept")), null);

        assertThat(r.status()).isEqualTo(401);
    }
}
