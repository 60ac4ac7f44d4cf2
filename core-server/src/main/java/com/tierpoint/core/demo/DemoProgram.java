package com.tierpoint.core.demo;

import com.tierpoint.core.program.model.Benefit;
import com.tierpoint.core.program.model.BirthdayGift;
import com.tierpoint.core.program.model.CheckInRule;
import com.tierpoint.core.program.model.Condition;
import com.tierpoint.core.program.model.EarnRule;
import com.tierpoint.core.program.model.ExpiryPolicy;
import com.tierpoint.core.program.model.GrowthRule;
import com.tierpoint.core.program.model.InviteRule;
import com.tierpoint.core.program.model.Metric;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.core.program.model.Reminders;
import com.tierpoint.core.program.model.RetentionDrop;
import com.tierpoint.core.program.model.Rounding;
import com.tierpoint.core.program.model.TierDefinition;
import com.tierpoint.core.program.model.TierRule;
import java.util.List;

/**
 * The quickstart's program: four tiers, 1 point and 1 growth per yuan, points valid a year, a
 * daily check-in of 5 points and 1 growth with 20 points on every 7th day in a row.
 */
public final class DemoProgram {

    private DemoProgram() {}

    public static Program program() {
        return new Program(
                "Tierpoint Demo Club",
                "Asia/Shanghai",
                List.of(
                        new TierDefinition(
                                "MEMBER",
                                "普通会员",
                                0,
                                List.of(new Benefit("POINTS", "消费1元得1积分")),
                                100,
                                TierRule.none(),
                                0,
                                TierRule.none()),
                        new TierDefinition(
                                "SILVER",
                                "银卡会员",
                                1,
                                List.of(new Benefit("DISCOUNT", "全场98折"), new Benefit("BIRTHDAY_GIFT", "生日礼包")),
                                120,
                                new TierRule(
                                        TierRule.Combinator.ANY,
                                        List.of(
                                                new Condition(Metric.GROWTH_VALUE, 1_000, 0),
                                                new Condition(Metric.ORDER_COUNT, 5, 365))),
                                12,
                                new TierRule(
                                        TierRule.Combinator.ALL,
                                        List.of(new Condition(Metric.SPEND_FEN, 50_000, 365)))),
                        new TierDefinition(
                                "GOLD",
                                "金卡会员",
                                2,
                                List.of(
                                        new Benefit("DISCOUNT", "全场95折"),
                                        new Benefit("FREE_SHIPPING", "全年包邮"),
                                        new Benefit("BIRTHDAY_GIFT", "生日礼包")),
                                150,
                                new TierRule(
                                        TierRule.Combinator.ALL,
                                        List.of(
                                                new Condition(Metric.SPEND_FEN, 300_000, 365),
                                                new Condition(Metric.VALID_INVITES, 1, 0))),
                                12,
                                new TierRule(
                                        TierRule.Combinator.ALL,
                                        List.of(new Condition(Metric.SPEND_FEN, 200_000, 365)))),
                        new TierDefinition(
                                "DIAMOND",
                                "钻石会员",
                                3,
                                List.of(
                                        new Benefit("DISCOUNT", "全场9折"),
                                        new Benefit("FREE_SHIPPING", "全年包邮"),
                                        new Benefit("EXCLUSIVE_SERVICE", "专属客服")),
                                200,
                                new TierRule(
                                        TierRule.Combinator.ALL,
                                        List.of(
                                                new Condition(Metric.GROWTH_VALUE, 10_000, 0),
                                                new Condition(Metric.SPEND_FEN, 1_000_000, 365))),
                                12,
                                new TierRule(
                                        TierRule.Combinator.ALL,
                                        List.of(new Condition(Metric.SPEND_FEN, 600_000, 365))))),
                new EarnRule(1, 100, Rounding.DOWN),
                new GrowthRule(1, 100, Rounding.DOWN),
                new ExpiryPolicy(ExpiryPolicy.Kind.END_OF_YEAR, 0),
                0,
                0,
                new CheckInRule(List.of(5L, 5L, 5L, 5L, 5L, 5L, 20L), 1),
                invites(),
                List.of(),
                new BirthdayGift(100, 0),
                new Reminders(14, 14),
                RetentionDrop.ONE_TIER);
    }

    /**
     * Both sides get points when the friend joins and when their first order of at least ¥50 is
     * paid (pending through the refund window); the inviter also gets growth once that order
     * completes. An invitation counts towards GOLD once the first order is paid.
     */
    static InviteRule invites() {
        return new InviteRule(
                true,
                List.of(
                        new InviteRule.Reward(InviteRule.Beneficiary.INVITER, InviteRule.Stage.ENROLLED, 50, 0),
                        new InviteRule.Reward(InviteRule.Beneficiary.INVITEE, InviteRule.Stage.ENROLLED, 100, 0),
                        new InviteRule.Reward(
                                InviteRule.Beneficiary.INVITER, InviteRule.Stage.FIRST_ORDER_PAID, 200, 0),
                        new InviteRule.Reward(
                                InviteRule.Beneficiary.INVITEE, InviteRule.Stage.FIRST_ORDER_PAID, 100, 0),
                        new InviteRule.Reward(
                                InviteRule.Beneficiary.INVITER, InviteRule.Stage.FIRST_ORDER_COMPLETED, 0, 100)),
                30,
                24,
                10,
                50,
                5_000,
                InviteRule.Stage.FIRST_ORDER_PAID);
    }
}
