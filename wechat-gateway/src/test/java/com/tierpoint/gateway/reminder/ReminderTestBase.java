package com.tierpoint.gateway.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Timestamp;
import com.tierpoint.gateway.sandbox.ReceivedRequest;
import com.tierpoint.gateway.support.GatewayTestBase;
import com.tierpoint.gateway.support.Http;
import com.tierpoint.proto.v1.OrderStatus;
import com.tierpoint.proto.v1.RecordOrderRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Reminder tests: members who allow templates, events that trigger them, and what WeChat received. */
abstract class ReminderTestBase extends GatewayTestBase {

    static final String SEND = "/cgi-bin/message/subscribe/send";
    static final String TPL_POINTS_EXPIRING = "sandbox-tpl-points-expiring";
    static final String TPL_TIER_UPGRADED = "sandbox-tpl-tier-upgraded";
    static final String TPL_STREAK = "sandbox-tpl-streak-at-risk";

    /**
     * The member tapped "allow" for a template: {@code toGateway} times the mini-program told the
     * gateway, {@code atWeChat} times WeChat counted it (the two differ in the tests on purpose).
     */
    static void allow(User u, String templateId, int toGateway, int atWeChat) {
        for (int i = 0; i < toGateway; i++) {
            Http.Response r = http.post(
                    "/api/v1/subscriptions", Map.of("results", Map.of(templateId, "accept")), u.accessToken());
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
        for (int i = 0; i < atWeChat; i++) {
            sandbox.acceptSubscription(APP_ID, u.openid(), templateId);
        }
    }

    /** The member's remaining quota of a template, as the gateway's API reports it. */
    static long gatewayQuota(User u, String templateId) {
        JsonNode list = http.get("/api/v1/subscriptions", u.accessToken()).json();
        for (JsonNode t : list.get("templates")) {
            if (t.get("templateId").asText().equals(templateId)) {
                return t.get("remaining").asLong();
            }
        }
        throw new AssertionError("template " + templateId + " not listed: " + list);
    }

    static int wechatQuota(User u, String templateId) {
        return sandbox.quota(APP_ID, u.openid(), templateId);
    }

    /** Every subscribe/send call WeChat received for the member (failed attempts included). */
    static List<ReceivedRequest> sendsTo(User u) {
        return sandbox.received(SEND).stream()
                .filter(r -> u.openid().equals(r.json().get("touser")))
                .toList();
    }

    /** Selects the sends to one member, for faults that must not hit other members' reminders. */
    static Predicate<ReceivedRequest> to(User u) {
        return r -> u.openid().equals(r.json().get("touser"));
    }

    static List<ReceivedRequest> sendsTo(User u, String templateId) {
        return sendsTo(u).stream()
                .filter(r -> templateId.equals(r.json().get("template_id")))
                .toList();
    }

    /** The value of one field of a sent message, e.g. {@code number1}. */
    @SuppressWarnings("unchecked")
    static String field(ReceivedRequest send, String key) {
        Map<String, Object> data = (Map<String, Object>) send.json().get("data");
        return String.valueOf(((Map<String, Object>) data.get(key)).get("value"));
    }

    /** A paid order at the clock's time (¥1000 lifts a new member to Silver: one tier.upgraded). */
    static void paidOrder(User u, long fen) {
        orders().recordOrder(RecordOrderRequest.newBuilder()
                .setIdempotencyKey(UUID.randomUUID().toString())
                .setOrderId("R-" + UUID.randomUUID())
                .setMemberId(u.memberId())
                .setAmountFen(fen)
                .setStatus(OrderStatus.PAID)
                .setOccurredAt(Timestamp.newBuilder().setSeconds(clock.instant().getEpochSecond()))
                .build());
    }
}
