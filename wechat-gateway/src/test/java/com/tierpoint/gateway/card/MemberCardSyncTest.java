package com.tierpoint.gateway.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Timestamp;
import com.tierpoint.gateway.support.Eventually;
import com.tierpoint.gateway.support.GatewayTestBase;
import com.tierpoint.proto.v1.OrderStatus;
import com.tierpoint.proto.v1.RecordOrderRequest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Official Account's membership card follows the member: activated on enrollment, updated on changes. */
class MemberCardSyncTest extends GatewayTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void enrollingActivatesTheCardWithTheMemberNumberPointsAndTier() {
        User u = login();

        // the gateway records its sync state right after WeChat answered: wait for both
        Eventually.await(
                PATIENCE,
                "the card activated",
                () -> Boolean.TRUE.equals(card(u).get("activated"))
                        && http.get("/api/v1/card-sync", u.accessToken())
                                .json()
                                .path("activated")
                                .asBoolean());
        Map<String, Object> card = card(u);
        assertThat(card.get("membership_number")).isEqualTo(u.memberId());
        assertThat(card.get("bonus")).isEqualTo(0);
        assertThat(card.get("custom_field_value1")).isEqualTo("普通会员");
        JsonNode sync = http.get("/api/v1/card-sync", u.accessToken()).json();
        assertThat(sync.get("enabled").asBoolean()).isTrue();
        assertThat(sync.get("activated").asBoolean()).isTrue();
        assertThat(sync.get("version").asLong()).isPositive();
    }

    @Test
    void anOrderUpdatesTheCardsPointsAndTierName() {
        User u = login();
        Eventually.await(PATIENCE, "the card activated", () -> Boolean.TRUE.equals(card(u).get("activated")));

        paidOrder(u, 120_000);

        long points = http.get("/api/v1/me", u.accessToken())
                .json()
                .at("/points/available")
                .asLong();
        assertThat(points).isPositive();
        Eventually.await(
                PATIENCE,
                "the card shows Silver and the points",
                () -> "银卡会员".equals(card(u).get("custom_field_value1"))
                        && ((Number) card(u).get("bonus")).longValue() == points);
        JsonNode sync = http.get("/api/v1/card-sync", u.accessToken()).json();
        assertThat(sync.has("lastError")).isFalse();
        assertThat(sync.get("syncedAt").asText()).isNotBlank();
    }

    @Test
    void aLimitedWeChatDelaysTheCardUpdateButLosesNothing() {
        User u = login();
        Eventually.await(PATIENCE, "the card activated", () -> Boolean.TRUE.equals(card(u).get("activated")));
        sandbox.faults().failNext("/card/membercard/updateuser", 45009, 2, r -> u.memberId()
                .equals(r.json().get("code")));

        earn(u.memberId(), 321, "活动奖励");

        Eventually.await(PATIENCE, "the card shows the points", () -> Integer.valueOf(321)
                .equals(card(u).get("bonus")));
        assertThat(sandbox.received("/card/membercard/updateuser").stream()
                        .filter(r -> u.memberId().equals(r.json().get("code")))
                        .count())
                .isEqualTo(3);
        Eventually.await(PATIENCE, "the error cleared", () -> !http.get("/api/v1/card-sync", u.accessToken())
                .json()
                .has("lastError"));
    }

    private static Map<String, Object> card(User u) {
        return sandbox.memberCard(CARD_ID, u.memberId());
    }

    private static void paidOrder(User u, long fen) {
        orders().recordOrder(RecordOrderRequest.newBuilder()
                .setIdempotencyKey(UUID.randomUUID().toString())
                .setOrderId("C-" + UUID.randomUUID())
                .setMemberId(u.memberId())
                .setAmountFen(fen)
                .setStatus(OrderStatus.PAID)
                .setOccurredAt(Timestamp.newBuilder().setSeconds(clock.instant().getEpochSecond()))
                .build());
    }
}
