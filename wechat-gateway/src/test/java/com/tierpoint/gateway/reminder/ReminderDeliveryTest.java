package com.tierpoint.gateway.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.gateway.sandbox.ReceivedRequest;
import com.tierpoint.gateway.support.Eventually;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Tier-upgrade reminders under the rules: quota, WeChat's own quota, tokens, quiet hours, daily cap. */
class ReminderDeliveryTest extends ReminderTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void anUpgradeIsRemindedWithTheNewTierName() {
        User u = login();
        allow(u, TPL_TIER_UPGRADED, 1, 1);

        paidOrder(u, 100_000);

        Eventually.await(PATIENCE, "a message to the member", () -> sendsTo(u).size() == 1);
        ReceivedRequest sent = sendsTo(u).get(0);
        assertThat(sent.json().get("template_id")).isEqualTo(TPL_TIER_UPGRADED);
        assertThat(field(sent, "thing1")).isEqualTo("银卡会员");
        assertThat(sent.json().get("page")).isEqualTo("pages/card/card");
        assertThat(wechatQuota(u, TPL_TIER_UPGRADED)).isZero();
        assertThat(gatewayQuota(u, TPL_TIER_UPGRADED)).isZero();
    }

    @Test
    void withoutAQuotaNothingIsSent() {
        User unsubscribed = login();
        sandbox.acceptSubscription(APP_ID, unsubscribed.openid(), TPL_TIER_UPGRADED);
        User next = login();
        allow(next, TPL_TIER_UPGRADED, 1, 1);

        paidOrder(unsubscribed, 100_000);
        paidOrder(next, 100_000);

        // the stream is in order: once the later member's reminder is out, the earlier one was decided
        Eventually.await(
                PATIENCE, "the later member's message", () -> sendsTo(next).size() == 1);
        assertThat(sendsTo(unsubscribed)).isEmpty();
        assertThat(wechatQuota(unsubscribed, TPL_TIER_UPGRADED)).isEqualTo(1);
    }

    @Test
    void weChatSayingTheUserHasNoQuotaZeroesTheLocalQuotaAndTheStreamGoesOn() {
        User revoked = login();
        allow(revoked, TPL_TIER_UPGRADED, 2, 0); // WeChat counts none: 43101
        User next = login();
        allow(next, TPL_TIER_UPGRADED, 1, 1);

        paidOrder(revoked, 100_000);
        paidOrder(next, 100_000);

        Eventually.await(PATIENCE, "the next member's message", () -> wechatQuota(next, TPL_TIER_UPGRADED) == 0);
        assertThat(sendsTo(revoked)).as("one attempt, no retry loop").hasSize(1);
        assertThat(gatewayQuota(revoked, TPL_TIER_UPGRADED)).isZero();
    }

    @Test
    void anExpiredAccessTokenIsRefreshedAndTheReminderSentOnce() {
        User u = login();
        allow(u, TPL_TIER_UPGRADED, 2, 2);
        sandbox.faults().expireTokens();

        paidOrder(u, 100_000);

        Eventually.await(PATIENCE, "the message delivered", () -> wechatQuota(u, TPL_TIER_UPGRADED) == 1);
        assertThat(sandbox.tokenIssuances(APP_ID))
                .as("a fresh token was fetched")
                .isGreaterThanOrEqualTo(1);
        assertThat(gatewayQuota(u, TPL_TIER_UPGRADED)).isEqualTo(1);
        Eventually.holdsFor(
                Duration.ofMillis(500), "still delivered once", () -> wechatQuota(u, TPL_TIER_UPGRADED) == 1);
    }

    @Test
    void aWeChatBusyAnswerIsRetriedUntilTheReminderGoesOut() {
        User u = login();
        allow(u, TPL_TIER_UPGRADED, 1, 1);
        // WxJava retries -1 itself; 45009 is the gateway's to retry
        sandbox.faults().failNext(SEND, -1, 1, to(u));
        sandbox.faults().failNext(SEND, 45009, 2, to(u));

        paidOrder(u, 100_000);

        Eventually.await(PATIENCE, "the message delivered", () -> wechatQuota(u, TPL_TIER_UPGRADED) == 0);
        assertThat(sendsTo(u)).hasSizeGreaterThan(1);
        assertThat(gatewayQuota(u, TPL_TIER_UPGRADED)).isZero();
    }

    @Test
    void duringQuietHoursTheReminderWaitsUntilMorning() {
        Instant lateEvening = T0.plus(Duration.ofHours(13)); // 23:00 in Shanghai
        Instant morning = T0.plus(Duration.ofHours(22)); // 08:00 the next day
        clock.set(lateEvening);
        User u = login();
        allow(u, TPL_TIER_UPGRADED, 1, 1);

        paidOrder(u, 100_000);

        Eventually.holdsFor(Duration.ofMillis(1500), "nothing sent at night", () -> sendsTo(u)
                .isEmpty());
        clock.set(morning);
        // the night outlasted WeChat's access token: the first attempt may be refused and retried
        Eventually.await(PATIENCE, "the message in the morning", () -> wechatQuota(u, TPL_TIER_UPGRADED) == 0);
        assertThat(sendsTo(u)).allSatisfy(sent -> assertThat(sent.at()).isAfterOrEqualTo(morning));
    }

    @Test
    void noMoreRemindersADayThanTheDailyCap() {
        // the tests' gateway allows 2 a day; three upgrades in one day: Silver, Gold, Diamond
        User u = login();
        allow(u, TPL_TIER_UPGRADED, 3, 3);
        User next = login();
        allow(next, TPL_TIER_UPGRADED, 1, 1);

        paidOrder(u, 100_000);
        paidOrder(u, 200_000);
        paidOrder(u, 700_000);
        paidOrder(next, 100_000);

        Eventually.await(
                PATIENCE, "the later member's message", () -> sendsTo(next).size() == 1);
        assertThat(sendsTo(u)).hasSize(2);
        assertThat(wechatQuota(u, TPL_TIER_UPGRADED)).isEqualTo(1);
        assertThat(gatewayQuota(u, TPL_TIER_UPGRADED))
                .as("a capped reminder spends no quota")
                .isEqualTo(1);
    }
}
