package com.tierpoint.core.support;

import com.tierpoint.proto.v1.Benefit;
import com.tierpoint.proto.v1.CheckInRule;
import com.tierpoint.proto.v1.Combinator;
import com.tierpoint.proto.v1.Condition;
import com.tierpoint.proto.v1.EarnRule;
import com.tierpoint.proto.v1.ExpiryKind;
import com.tierpoint.proto.v1.ExpiryPolicy;
import com.tierpoint.proto.v1.GrowthRule;
import com.tierpoint.proto.v1.InviteBeneficiary;
import com.tierpoint.proto.v1.InviteReward;
import com.tierpoint.proto.v1.InviteRule;
import com.tierpoint.proto.v1.InviteStage;
import com.tierpoint.proto.v1.Metric;
import com.tierpoint.proto.v1.Program;
import com.tierpoint.proto.v1.Rounding;
import com.tierpoint.proto.v1.Tier;
import com.tierpoint.proto.v1.TierRule;
import java.util.List;

/**
 * Programs for tests. {@link #standard()}: 1 point and 1 growth per yuan, points expire 365
 * days after earning, no refund window, check-in {@link #weeklyCheckIn()};
 * MEMBER (x1) -> SILVER (x1.2: growth >= 1000 OR 5 orders in 365 days)
 * -> GOLD (x1.5: spend >= ¥3000 in 365 days AND growth >= 2000, 12 months, keep with ¥2000)
 * -> DIAMOND (x2: growth >= 10000 AND spend >= ¥10000 in 365 days).
 */
public final class TestPrograms {

    private TestPrograms() {}

    public static Program standard() {
        return Program.newBuilder()
                .setName("Test Club")
                .setTimeZone("Asia/Shanghai")
                .addTiers(tier("MEMBER", "普通会员", 0, 100, null, 0, null))
                .addTiers(tier(
                        "SILVER",
                        "银卡会员",
                        1,
                        120,
                        rule(Combinator.ANY, cond(Metric.GROWTH_VALUE, 1_000, 0), cond(Metric.ORDER_COUNT, 5, 365)),
                        12,
                        null))
                .addTiers(tier(
                        "GOLD",
                        "金卡会员",
                        2,
                        150,
                        rule(Combinator.ALL, cond(Metric.SPEND_FEN, 300_000, 365), cond(Metric.GROWTH_VALUE, 2_000, 0)),
                        12,
                        rule(Combinator.ALL, cond(Metric.SPEND_FEN, 200_000, 365))))
                .addTiers(tier(
                        "DIAMOND",
                        "钻石会员",
                        3,
                        200,
                        rule(
                                Combinator.ALL,
                                cond(Metric.GROWTH_VALUE, 10_000, 0),
                                cond(Metric.SPEND_FEN, 1_000_000, 365)),
                        12,
                        null))
                .setEarnRule(EarnRule.newBuilder().setPoints(1).setPerFen(100).setRounding(Rounding.ROUNDING_DOWN))
                .setGrowthRule(
                        GrowthRule.newBuilder().setGrowth(1).setPerFen(100).setRounding(Rounding.ROUNDING_DOWN))
                .setPointsExpiry(ExpiryPolicy.newBuilder()
                        .setKind(ExpiryKind.DAYS_AFTER_EARN)
                        .setDays(365))
                .setCheckIn(weeklyCheckIn())
                .setInvites(invites())
                .build();
    }

    /** Check-in: 5 points a day, 20 on every 7th consecutive day, 1 growth per check-in. */
    public static CheckInRule weeklyCheckIn() {
        return CheckInRule.newBuilder()
                .addAllCyclePoints(List.of(5L, 5L, 5L, 5L, 5L, 5L, 20L))
                .setGrowthPerCheckIn(1)
                .build();
    }

    /**
     * Invitations on: codes valid 7 days, accept within 24 hours of enrolling, at most 3 accepts
     * per inviter a day and 10 a month, first orders from ¥50, valid once the first order is paid.
     * ENROLLED: inviter 10 points, invitee 20 points. FIRST_ORDER_PAID: inviter 100 points and 50
     * growth, invitee 30 points. FIRST_ORDER_COMPLETED: inviter 200 growth, invitee 5 points.
     */
    public static InviteRule invites() {
        return InviteRule.newBuilder()
                .setEnabled(true)
                .addRewards(inviteReward(InviteBeneficiary.INVITER, InviteStage.ENROLLED, 10, 0))
                .addRewards(inviteReward(InviteBeneficiary.INVITEE, InviteStage.ENROLLED, 20, 0))
                .addRewards(inviteReward(InviteBeneficiary.INVITER, InviteStage.FIRST_ORDER_PAID, 100, 50))
                .addRewards(inviteReward(InviteBeneficiary.INVITEE, InviteStage.FIRST_ORDER_PAID, 30, 0))
                .addRewards(inviteReward(InviteBeneficiary.INVITER, InviteStage.FIRST_ORDER_COMPLETED, 0, 200))
                .addRewards(inviteReward(InviteBeneficiary.INVITEE, InviteStage.FIRST_ORDER_COMPLETED, 5, 0))
                .setCodeValidDays(7)
                .setAcceptWithinHours(24)
                .setDailyCap(3)
                .setMonthlyCap(10)
                .setMinOrderFen(5_000)
                .setValidAt(InviteStage.FIRST_ORDER_PAID)
                .build();
    }

    public static InviteReward inviteReward(InviteBeneficiary who, InviteStage stage, long points, long growth) {
        return InviteReward.newBuilder()
                .setBeneficiary(who)
                .setStage(stage)
                .setPoints(points)
                .setGrowth(growth)
                .build();
    }

    public static Tier tier(
            String code,
            String name,
            int rank,
            int multiplier,
            TierRule upgrade,
            int validityMonths,
            TierRule retention) {
        Tier.Builder t = Tier.newBuilder()
                .setCode(code)
                .setName(name)
                .setRank(rank)
                .setPointsMultiplierPercent(multiplier)
                .setValidityMonths(validityMonths)
                .addBenefits(Benefit.newBuilder().setCode("POINTS").setDescription(name + "积分 x" + multiplier / 100.0));
        if (upgrade != null) {
            t.setUpgradeRule(upgrade);
        }
        if (retention != null) {
            t.setRetentionRule(retention);
        }
        return t.build();
    }

    public static TierRule rule(Combinator c, Condition... conditions) {
        TierRule.Builder r = TierRule.newBuilder().setCombinator(c);
        for (Condition x : conditions) {
            r.addConditions(x);
        }
        return r.build();
    }

    public static Condition cond(Metric m, long threshold, int windowDays) {
        return Condition.newBuilder()
                .setMetric(m)
                .setThreshold(threshold)
                .setWindowDays(windowDays)
                .build();
    }
}
