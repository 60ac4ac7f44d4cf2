package com.tierpoint.gateway.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Timestamp;
import com.tierpoint.gateway.support.GatewayTestBase;
import com.tierpoint.gateway.support.Http;
import com.tierpoint.proto.v1.OrderStatus;
import com.tierpoint.proto.v1.RecordOrderRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MemberCardTest extends GatewayTestBase {

    @Test
    void afterAPaidOrderTheCardShowsTheNewTierPointsGrowthAndWhatGoldStillNeeds() {
        User u = login();
        orders().recordOrder(RecordOrderRequest.newBuilder()
                .setIdempotencyKey(UUID.randomUUID().toString())
                .setOrderId("SO-" + UUID.randomUUID())
                .setMemberId(u.memberId())
                .setAmountFen(120_000)
                .setStatus(OrderStatus.PAID)
                .setOccurredAt(Timestamp.newBuilder().setSeconds(clock.instant().getEpochSecond()))
                .build());

        JsonNode card = http.get("/api/v1/me", u.accessToken()).json();

        assertThat(card.at("/tier/code").asText()).isEqualTo("SILVER");
        assertThat(card.at("/tier/name").asText()).isEqualTo("银卡会员");
        assertThat(card.at("/growthValue").asLong()).isEqualTo(1200);
        assertThat(card.at("/points/available").asLong()
                        + card.at("/points/pending").asLong())
                .isEqualTo(1200); // the order earns at the tier the member had when paying
        assertThat(card.at("/nextTier/code").asText()).isEqualTo("GOLD");
        assertThat(card.at("/nextTier/summary").asText()).isEqualTo("再消费¥1800.00并获得800成长值即可升级金卡会员");
        assertThat(card.at("/tier/validUntil").isMissingNode()).isFalse();
    }

    @Test
    void aNewMembersCardIsTheEntryTierWithNothingYet() {
        User u = login();

        Http.Response r = http.get("/api/v1/me", u.accessToken());

        assertThat(r.status()).isEqualTo(200);
        JsonNode card = r.json();
        assertThat(card.at("/tier/code").asText()).isEqualTo("MEMBER");
        assertThat(card.at("/points/available").asLong()).isZero();
        assertThat(card.at("/points/expiringSoon").size()).isZero();
        assertThat(card.at("/nextTier/code").asText()).isEqualTo("SILVER");
        assertThat(card.at("/nextTier/combinator").asText()).isEqualTo("ANY");
    }

    @Test
    void thePointsHistoryIsPagedNewestFirstWithAReasonPerLine() {
        User u = login();
        for (int i = 1; i <= 3; i++) {
            earn(u.memberId(), 10 * i, "评价奖励 " + i);
        }

        JsonNode first = http.get("/api/v1/points/transactions?pageSize=2", u.accessToken())
                .json();
        assertThat(first.get("transactions")).hasSize(2);
        assertThat(first.at("/transactions/0/reason").asText()).isEqualTo("评价奖励 3");
        assertThat(first.at("/transactions/0/points").asLong()).isEqualTo(30);
        String next = first.get("nextPageToken").asText();

        JsonNode second = http.get("/api/v1/points/transactions?pageSize=2&pageToken=" + next, u.accessToken())
                .json();
        assertThat(second.get("transactions")).hasSize(1);
        assertThat(second.at("/transactions/0/reason").asText()).isEqualTo("评价奖励 1");
        assertThat(second.has("nextPageToken")).isFalse();
    }

    @Test
    void aPageSizeOutOfRangeIs400() {
        User u = login();

        Http.Response r = http.get("/api/v1/points/transactions?pageSize=500", u.accessToken());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/fields/0/field").asText()).isEqualTo("pageSize");
    }

    @Test
    void theTierLadderMarksTheMembersTier() {
        User u = login();

        JsonNode tiers = http.get("/api/v1/tiers", u.accessToken()).json();

        assertThat(tiers).hasSize(4);
        assertThat(tiers.get(0).get("current").asBoolean()).isTrue();
        assertThat(tiers.get(2).get("upgradeRule").asText()).isEqualTo("消费¥3000.00并累计2000成长值");
    }
}
