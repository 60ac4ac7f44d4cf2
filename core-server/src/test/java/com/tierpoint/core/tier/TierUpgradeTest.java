package com.tierpoint.core.tier;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.proto.v1.Combinator;
import com.tierpoint.proto.v1.GetTierProgressRequest;
import com.tierpoint.proto.v1.Member;
import com.tierpoint.proto.v1.MemberRef;
import com.tierpoint.proto.v1.Metric;
import com.tierpoint.proto.v1.MetricProgress;
import com.tierpoint.proto.v1.OrderStatus;
import com.tierpoint.proto.v1.RecordOrderRequest;
import com.tierpoint.proto.v1.RecordOrderResponse;
import com.tierpoint.proto.v1.RedeemRequest;
import com.tierpoint.proto.v1.TierProgress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class TierUpgradeTest extends CoreTestBase {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void crossingTheSilverGrowthThresholdUpgradesInTheSameCall() {
        String m = newMember();
        RecordOrderResponse small = paid(m, 99_900);
        assertThat(small.getTierUpgraded()).isFalse();
        assertThat(small.getTier().getCode()).isEqualTo("MEMBER");

        RecordOrderResponse r = paid(m, 100);

        assertThat(r.getTierUpgraded()).isTrue();
        assertThat(r.getTier().getCode()).isEqualTo("SILVER");
        assertThat(r.getTier().getName()).isEqualTo("银卡会员");
        assertThat(r.getTier().getRank()).isEqualTo(1);
        Member member = member(m);
        assertThat(member.getTier().getCode()).isEqualTo("SILVER");
        assertThat(member.getGrowthValue()).isEqualTo(1_000);
        assertThat(instant(member.getTierSince())).isEqualTo(T0);
        // upgraded 2026-03-10 10:00 in Shanghai: valid through the end of 2027-03-10 there
        Instant validUntil = instant(member.getTierValidUntil());
        assertThat(validUntil).isEqualTo(Instant.parse("2027-03-10T16:00:00Z"));
        ZonedDateTime local = validUntil.atZone(SHANGHAI);
        assertThat(local.toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(local.toLocalDate())
                .isEqualTo(T0.atZone(SHANGHAI).toLocalDate().plusMonths(12).plusDays(1));
    }

    @Test
    void aSingleOrderOfOneThousandYuanMakesSilver() {
        String m = newMember();

        RecordOrderResponse r = paid(m, 100_000);

        assertThat(r.getTierUpgraded()).isTrue();
        assertThat(r.getTier().getCode()).isEqualTo("SILVER");
        assertThat(member(m).getTier().getCode()).isEqualTo("SILVER");
    }

    @Test
    void anOrderBigEnoughForGoldJumpsStraightFromMemberToGold() {
        String m = newMember();

        RecordOrderResponse r = paid(m, 300_000);

        assertThat(r.getTierUpgraded()).isTrue();
        assertThat(r.getTier().getCode()).isEqualTo("GOLD");
        assertThat(r.getPointsGranted())
                .as("points at the tier the member had when paying")
                .isEqualTo(3_000);
        Member member = member(m);
        assertThat(member.getTier().getCode()).isEqualTo("GOLD");
        assertThat(member.getTier().getRank()).isEqualTo(2);
        assertThat(instant(member.getTierValidUntil())).isEqualTo(Instant.parse("2027-03-10T16:00:00Z"));
    }

    @Test
    void fiveSmallOrdersWithinAYearMakeSilverThroughTheOrRule() {
        String m = newMember();
        for (int i = 1; i <= 4; i++) {
            RecordOrderResponse r = paid(m, 1_000);
            assertThat(r.getTierUpgraded()).as("order %d", i).isFalse();
            assertThat(r.getTier().getCode()).isEqualTo("MEMBER");
            clock.advance(Duration.ofDays(30));
        }

        RecordOrderResponse fifth = paid(m, 1_000);

        assertThat(fifth.getTierUpgraded()).isTrue();
        assertThat(fifth.getTier().getCode()).isEqualTo("SILVER");
        Member member = member(m);
        assertThat(member.getTier().getCode()).isEqualTo("SILVER");
        assertThat(member.getGrowthValue()).as("far below the growth threshold").isEqualTo(50);
        assertThat(member.getOrderCount()).isEqualTo(5);
    }

    @Test
    void ordersOutsideTheRollingWindowDoNotCountTowardsWindowedOrderCount() {
        String m = newMember();
        for (int i = 0; i < 4; i++) {
            paid(m, 1_000);
        }
        clock.advance(Duration.ofDays(400));

        RecordOrderResponse fifth = paid(m, 1_000);

        assertThat(fifth.getTierUpgraded()).isFalse();
        assertThat(fifth.getTier().getCode()).isEqualTo("MEMBER");
        MetricProgress count = requirement(progress(m), Metric.ORDER_COUNT);
        assertThat(count.getCurrent()).isEqualTo(1);
        assertThat(count.getWindowDays()).isEqualTo(365);
        assertThat(member(m).getOrderCount())
                .as("lifetime count keeps them all")
                .isEqualTo(5);
    }

    @Test
    void ordersOlderThanTheWindowDoNotCountTowardsWindowedSpend() {
        String m = newMember();
        paid(m, 200_000);
        assertThat(requirement(progress(m), Metric.SPEND_FEN).getCurrent()).isEqualTo(200_000);

        clock.advance(Duration.ofDays(400));
        assertThat(requirement(progress(m), Metric.SPEND_FEN).getCurrent())
                .as("the only order is now outside the 365-day window")
                .isZero();

        RecordOrderResponse r = paid(m, 150_000);

        assertThat(r.getTierUpgraded())
                .as("¥2000 + ¥1500 only adds up over 400 days")
                .isFalse();
        assertThat(r.getTier().getCode()).isEqualTo("SILVER");
        TierProgress p = progress(m);
        MetricProgress spend = requirement(p, Metric.SPEND_FEN);
        assertThat(spend.getCurrent()).isEqualTo(150_000);
        assertThat(spend.getRequired()).isEqualTo(300_000);
        assertThat(spend.getWindowDays()).isEqualTo(365);
        assertThat(spend.getMet()).isFalse();
        MetricProgress growth = requirement(p, Metric.GROWTH_VALUE);
        assertThat(growth.getCurrent()).isEqualTo(3_500);
        assertThat(growth.getMet()).isTrue();
        assertThat(member(m).getTotalSpendFen()).isEqualTo(350_000);
    }

    @Test
    void theSameOrdersInsideTheWindowDoAddUpToGold() {
        String m = newMember();
        paid(m, 200_000);
        clock.advance(Duration.ofDays(100));

        RecordOrderResponse r = paid(m, 150_000);

        assertThat(r.getTierUpgraded()).isTrue();
        assertThat(r.getTier().getCode()).isEqualTo("GOLD");
    }

    @Test
    void tierProgressShowsTheNextTiersConditionsWithCurrentRequiredAndMet() {
        String m = newMember();
        paid(m, 40_000);
        paid(m, 5_000);

        TierProgress p = progress(m);

        assertThat(p.getCurrentTier().getCode()).isEqualTo("MEMBER");
        assertThat(p.hasTierValidUntil()).as("the entry tier never lapses").isFalse();
        assertThat(p.hasRetention()).isFalse();
        assertThat(p.getNextTier().getCode()).isEqualTo("SILVER");
        assertThat(p.getNextTier().getPointsMultiplierPercent()).isEqualTo(120);
        assertThat(p.getNextTierCombinator()).isEqualTo(Combinator.ANY);
        assertThat(p.getNextTierRequirementsList())
                .containsExactly(
                        MetricProgress.newBuilder()
                                .setMetric(Metric.GROWTH_VALUE)
                                .setCurrent(450)
                                .setRequired(1_000)
                                .setWindowDays(0)
                                .setMet(false)
                                .build(),
                        MetricProgress.newBuilder()
                                .setMetric(Metric.ORDER_COUNT)
                                .setCurrent(2)
                                .setRequired(5)
                                .setWindowDays(365)
                                .setMet(false)
                                .build());
    }

    @Test
    void tierProgressOfAGoldMemberShowsDiamondAndWhatKeepingGoldNeedsByItsDeadline() {
        String m = newMember();
        paid(m, 200_000);
        paid(m, 100_000);
        paid(m, 100);
        assertThat(member(m).getTier().getCode()).isEqualTo("GOLD");
        clock.advance(Duration.ofDays(1));

        TierProgress p = progress(m);

        assertThat(p.getCurrentTier().getCode()).isEqualTo("GOLD");
        assertThat(p.getCurrentTier().getBenefitsCount()).isEqualTo(1);
        Instant deadline = Instant.parse("2027-03-10T16:00:00Z");
        assertThat(instant(p.getTierValidUntil())).isEqualTo(deadline);
        assertThat(p.getNextTier().getCode()).isEqualTo("DIAMOND");
        assertThat(p.getNextTierCombinator()).isEqualTo(Combinator.ALL);
        assertThat(p.getNextTierRequirementsList())
                .containsExactly(
                        MetricProgress.newBuilder()
                                .setMetric(Metric.GROWTH_VALUE)
                                .setCurrent(3_001)
                                .setRequired(10_000)
                                .setWindowDays(0)
                                .setMet(false)
                                .build(),
                        MetricProgress.newBuilder()
                                .setMetric(Metric.SPEND_FEN)
                                .setCurrent(300_100)
                                .setRequired(1_000_000)
                                .setWindowDays(365)
                                .setMet(false)
                                .build());
        assertThat(p.hasRetention()).isTrue();
        assertThat(p.getRetention().getCombinator()).isEqualTo(Combinator.ALL);
        assertThat(instant(p.getRetention().getDeadline())).isEqualTo(deadline);
        assertThat(p.getRetention().getRequirementsList())
                .containsExactly(MetricProgress.newBuilder()
                        .setMetric(Metric.SPEND_FEN)
                        .setCurrent(300_100)
                        .setRequired(200_000)
                        .setWindowDays(365)
                        .setMet(true)
                        .build());
        assertThat(p.getRetention().getMet()).isTrue();
    }

    @Test
    void aRefundNeverDowngradesAtOnce() {
        String m = newMember();
        String order = "SO-" + uniqueKey();
        RecordOrderResponse paid = record(m, order, 100_000, 0, OrderStatus.PAID);
        assertThat(paid.getTier().getCode()).isEqualTo("SILVER");

        RecordOrderResponse refunded = record(m, order, 100_000, 0, OrderStatus.REFUNDED);

        assertThat(refunded.getTier().getCode()).isEqualTo("SILVER");
        assertThat(refunded.getTierUpgraded()).isFalse();
        assertThat(refunded.getGrowthGranted()).isZero();
        Member member = member(m);
        assertThat(member.getTier().getCode()).isEqualTo("SILVER");
        assertThat(member.getGrowthValue()).isZero();
        assertThat(member.getOrderCount()).isZero();
        assertThat(instant(member.getTierValidUntil())).isEqualTo(Instant.parse("2027-03-10T16:00:00Z"));
    }

    @Test
    void redeemingPointsChangesNeitherTierNorGrowth() {
        String m = newMember();
        paid(m, 100_000);
        Member before = member(m);
        assertThat(before.getPointsAvailable()).isEqualTo(1_000);

        points().redeem(RedeemRequest.newBuilder()
                .setIdempotencyKey(uniqueKey())
                .setMemberId(m)
                .setPoints(1_000)
                .setReason("兑换礼品")
                .build());

        Member after = member(m);
        assertThat(after.getPointsAvailable()).isZero();
        assertThat(after.getTier().getCode()).isEqualTo("SILVER");
        assertThat(after.getGrowthValue()).isEqualTo(1_000);
        assertThat(after.getTierValidUntil()).isEqualTo(before.getTierValidUntil());
    }

    @Test
    void pointsGrantedOutsideOrdersNeverUpgrade() {
        String m = newMember();

        earn(m, 50_000);
        RecordOrderResponse r = paid(m, 100);

        assertThat(r.getTierUpgraded()).isFalse();
        Member member = member(m);
        assertThat(member.getTier().getCode()).isEqualTo("MEMBER");
        assertThat(member.getGrowthValue()).isEqualTo(1);
        assertThat(member.getPointsAvailable()).isEqualTo(50_001);
    }

    private RecordOrderResponse paid(String memberId, long amountFen) {
        return record(memberId, "SO-" + uniqueKey(), amountFen, 0, OrderStatus.PAID);
    }

    private RecordOrderResponse record(
            String memberId, String orderId, long amountFen, long refundedFen, OrderStatus status) {
        Instant now = clock.instant();
        return orders().recordOrder(RecordOrderRequest.newBuilder()
                .setIdempotencyKey(uniqueKey())
                .setOrderId(orderId.substring(0, Math.min(64, orderId.length())))
                .setMemberId(memberId)
                .setAmountFen(amountFen)
                .setRefundedFen(refundedFen)
                .setStatus(status)
                .setOccurredAt(
                        Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .build());
    }

    private static TierProgress progress(String memberId) {
        return members()
                .getTierProgress(GetTierProgressRequest.newBuilder()
                        .setMember(MemberRef.newBuilder().setMemberId(memberId))
                        .build());
    }

    private static MetricProgress requirement(TierProgress p, Metric metric) {
        return p.getNextTierRequirementsList().stream()
                .filter(r -> r.getMetric() == metric)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + metric + " requirement in " + p));
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
