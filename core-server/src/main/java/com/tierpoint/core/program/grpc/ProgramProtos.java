package com.tierpoint.core.program.grpc;

import com.tierpoint.core.program.model.Benefit;
import com.tierpoint.core.program.model.Condition;
import com.tierpoint.core.program.model.EarnRule;
import com.tierpoint.core.program.model.ExpiryPolicy;
import com.tierpoint.core.program.model.GrowthRule;
import com.tierpoint.core.program.model.Metric;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.core.program.model.Rounding;
import com.tierpoint.core.program.model.TierDefinition;
import com.tierpoint.core.program.model.TierRule;
import com.tierpoint.proto.v1.Combinator;
import com.tierpoint.proto.v1.ExpiryKind;
import java.util.List;

/** Program <-> tierpoint.v1 messages. Unspecified enums take their documented defaults. */
public final class ProgramProtos {

    private ProgramProtos() {}

    public static List<TierDefinition> tiers(List<com.tierpoint.proto.v1.Tier> tiers) {
        return tiers.stream().map(ProgramProtos::tier).toList();
    }

    public static Program fromProto(com.tierpoint.proto.v1.Program p) {
        return new Program(
                p.getName(),
                p.getTimeZone(),
                tiers(p.getTiersList()),
                p.hasEarnRule()
                        ? new EarnRule(
                                p.getEarnRule().getPoints(),
                                p.getEarnRule().getPerFen(),
                                rounding(p.getEarnRule().getRounding()))
                        : null,
                p.hasGrowthRule()
                        ? new GrowthRule(
                                p.getGrowthRule().getGrowth(),
                                p.getGrowthRule().getPerFen(),
                                rounding(p.getGrowthRule().getRounding()))
                        : null,
                expiry(p.getPointsExpiry()),
                p.getRefundWindowDays(),
                0,
                CheckInRuleProtos.fromProto(p.getCheckIn()),
                InviteRuleProtos.fromProto(p.getInvites()),
                CampaignProtos.campaigns(p.getCampaignsList()),
                CampaignProtos.birthdayGift(p.getBirthdayGift()),
                CampaignProtos.reminders(p.getReminders()),
                CampaignProtos.retentionDrop(p.getRetentionDrop()));
    }

    static TierDefinition tier(com.tierpoint.proto.v1.Tier t) {
        return new TierDefinition(
                t.getCode(),
                t.getName(),
                t.getRank(),
                t.getBenefitsList().stream()
                        .map(b -> new Benefit(b.getCode(), b.getDescription()))
                        .toList(),
                t.getPointsMultiplierPercent(),
                rule(t.getUpgradeRule()),
                t.getValidityMonths(),
                rule(t.getRetentionRule()));
    }

    static TierRule rule(com.tierpoint.proto.v1.TierRule r) {
        TierRule.Combinator c = r.getCombinator() == Combinator.ANY ? TierRule.Combinator.ANY : TierRule.Combinator.ALL;
        return new TierRule(
                c,
                r.getConditionsList().stream()
                        .map(x -> new Condition(metric(x.getMetric()), x.getThreshold(), x.getWindowDays()))
                        .toList());
    }

    static Metric metric(com.tierpoint.proto.v1.Metric m) {
        return switch (m) {
            case GROWTH_VALUE -> Metric.GROWTH_VALUE;
            case SPEND_FEN -> Metric.SPEND_FEN;
            case ORDER_COUNT -> Metric.ORDER_COUNT;
            case VALID_INVITES -> Metric.VALID_INVITES;
            default -> null; // reported by ProgramPolicy as "metric is required"
        };
    }

    static Rounding rounding(com.tierpoint.proto.v1.Rounding r) {
        return switch (r) {
            case ROUNDING_HALF_UP -> Rounding.HALF_UP;
            case ROUNDING_UP -> Rounding.UP;
            default -> Rounding.DOWN;
        };
    }

    static ExpiryPolicy expiry(com.tierpoint.proto.v1.ExpiryPolicy e) {
        ExpiryPolicy.Kind kind =
                switch (e.getKind()) {
                    case DAYS_AFTER_EARN -> ExpiryPolicy.Kind.DAYS_AFTER_EARN;
                    case END_OF_MONTH -> ExpiryPolicy.Kind.END_OF_MONTH;
                    case END_OF_YEAR -> ExpiryPolicy.Kind.END_OF_YEAR;
                    default -> ExpiryPolicy.Kind.NEVER;
                };
        return new ExpiryPolicy(kind, e.getDays());
    }

    public static com.tierpoint.proto.v1.Program toProto(Program p) {
        com.tierpoint.proto.v1.Program.Builder b = com.tierpoint.proto.v1.Program.newBuilder()
                .setName(p.name())
                .setTimeZone(p.timeZone())
                .setRefundWindowDays(p.refundWindowDays())
                .setVersion(p.version())
                .setEarnRule(com.tierpoint.proto.v1.EarnRule.newBuilder()
                        .setPoints(p.earnRule().points())
                        .setPerFen(p.earnRule().perFen())
                        .setRounding(rounding(p.earnRule().rounding())))
                .setGrowthRule(com.tierpoint.proto.v1.GrowthRule.newBuilder()
                        .setGrowth(p.growthRule().growth())
                        .setPerFen(p.growthRule().perFen())
                        .setRounding(rounding(p.growthRule().rounding())))
                .setPointsExpiry(com.tierpoint.proto.v1.ExpiryPolicy.newBuilder()
                        .setKind(ExpiryKind.valueOf(p.pointsExpiry().kind().name()))
                        .setDays(p.pointsExpiry().days()));
        p.tiers().forEach(t -> b.addTiers(toProto(t)));
        b.setCheckIn(CheckInRuleProtos.toProto(p.checkIn()));
        b.setInvites(InviteRuleProtos.toProto(p.invites()));
        CampaignProtos.write(p, b);
        return b.build();
    }

    public static com.tierpoint.proto.v1.Tier toProto(TierDefinition t) {
        com.tierpoint.proto.v1.Tier.Builder b = com.tierpoint.proto.v1.Tier.newBuilder()
                .setCode(t.code())
                .setName(t.name())
                .setRank(t.rank())
                .setPointsMultiplierPercent(t.pointsMultiplierPercent())
                .setValidityMonths(t.validityMonths());
        t.benefits()
                .forEach(x -> b.addBenefits(com.tierpoint.proto.v1.Benefit.newBuilder()
                        .setCode(x.code())
                        .setDescription(x.description())));
        if (!t.upgradeRule().isEmpty()) {
            b.setUpgradeRule(toProto(t.upgradeRule()));
        }
        if (!t.retentionRule().isEmpty()) {
            b.setRetentionRule(toProto(t.retentionRule()));
        }
        return b.build();
    }

    static com.tierpoint.proto.v1.TierRule toProto(TierRule r) {
        com.tierpoint.proto.v1.TierRule.Builder b =
                com.tierpoint.proto.v1.TierRule.newBuilder().setCombinator(combinator(r.combinator()));
        r.conditions()
                .forEach(c -> b.addConditions(com.tierpoint.proto.v1.Condition.newBuilder()
                        .setMetric(
                                com.tierpoint.proto.v1.Metric.valueOf(c.metric().name()))
                        .setThreshold(c.threshold())
                        .setWindowDays(c.windowDays())));
        return b.build();
    }

    public static Combinator combinator(TierRule.Combinator c) {
        return c == TierRule.Combinator.ANY ? Combinator.ANY : Combinator.ALL;
    }

    static com.tierpoint.proto.v1.Rounding rounding(Rounding r) {
        return switch (r) {
            case DOWN -> com.tierpoint.proto.v1.Rounding.ROUNDING_DOWN;
            case HALF_UP -> com.tierpoint.proto.v1.Rounding.ROUNDING_HALF_UP;
            case UP -> com.tierpoint.proto.v1.Rounding.ROUNDING_UP;
        };
    }
}
