package com.tierpoint.gateway.member;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.google.protobuf.Timestamp;
import com.tierpoint.proto.v1.Benefit;
import com.tierpoint.proto.v1.Combinator;
import com.tierpoint.proto.v1.Member;
import com.tierpoint.proto.v1.MetricProgress;
import com.tierpoint.proto.v1.Tier;
import com.tierpoint.proto.v1.TierProgress;
import java.time.Instant;
import java.util.List;

/**
 * The member card as the mini-program shows it: tier and benefits, points and what expires soon,
 * growth value, what the next tier still needs and what keeping this one needs, by when.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberCard(
        String memberId,
        String nickname,
        TierView tier,
        PointsView points,
        long growthValue,
        NextTier nextTier,
        RetentionView retention) {

    public record TierView(String code, String name, int rank, Instant validUntil, List<BenefitView> benefits) {}

    public record BenefitView(String code, String description) {}

    public record PointsView(long available, long pending, List<Expiring> expiringSoon) {}

    public record Expiring(long points, Instant expiresAt) {}

    /** @param summary e.g. "再消费¥300.00并邀请1位好友即可升级金卡会员" */
    public record NextTier(
            String code, String name, String combinator, List<Requirement> requirements, String summary) {}

    /** @param summary e.g. "再消费¥200.00即可保级金卡会员" */
    public record RetentionView(
            Instant deadline, boolean met, String combinator, List<Requirement> requirements, String summary) {}

    /** @param missing how much is still missing (0 when met); money in fen */
    public record Requirement(String metric, long current, long required, long missing, int windowDays, boolean met) {}

    static MemberCard of(Member m, TierProgress p) {
        Tier current = p.getCurrentTier();
        TierView tier = new TierView(
                m.getTier().getCode(),
                m.getTier().getName(),
                m.getTier().getRank(),
                instantOrNull(m.hasTierValidUntil(), m.getTierValidUntil()),
                current.getBenefitsList().stream().map(MemberCard::benefit).toList());
        PointsView points = new PointsView(
                m.getPointsAvailable(),
                m.getPointsPending(),
                m.getExpiringSoonestList().stream()
                        .map(e -> new Expiring(e.getPoints(), instant(e.getExpiresAt())))
                        .toList());
        NextTier next = null;
        if (p.hasNextTier()) {
            List<Requirement> reqs = requirements(p.getNextTierRequirementsList());
            next = new NextTier(
                    p.getNextTier().getCode(),
                    p.getNextTier().getName(),
                    combinator(p.getNextTierCombinator()),
                    reqs,
                    Missing.summary(
                            reqs,
                            p.getNextTierCombinator() == Combinator.ANY,
                            "即可升级" + p.getNextTier().getName()));
        }
        RetentionView retention = null;
        if (p.hasRetention()) {
            List<Requirement> reqs = requirements(p.getRetention().getRequirementsList());
            retention = new RetentionView(
                    instant(p.getRetention().getDeadline()),
                    p.getRetention().getMet(),
                    combinator(p.getRetention().getCombinator()),
                    reqs,
                    p.getRetention().getMet()
                            ? "已满足" + current.getName() + "保级条件"
                            : Missing.summary(
                                    reqs,
                                    p.getRetention().getCombinator() == Combinator.ANY,
                                    "即可保级" + current.getName()));
        }
        return new MemberCard(m.getMemberId(), m.getNickname(), tier, points, m.getGrowthValue(), next, retention);
    }

    private static List<Requirement> requirements(List<MetricProgress> list) {
        return list.stream()
                .map(r -> new Requirement(
                        r.getMetric().name(),
                        r.getCurrent(),
                        r.getRequired(),
                        Math.max(0, r.getRequired() - r.getCurrent()),
                        r.getWindowDays(),
                        r.getMet()))
                .toList();
    }

    private static BenefitView benefit(Benefit b) {
        return new BenefitView(b.getCode(), b.getDescription());
    }

    private static String combinator(Combinator c) {
        return c == Combinator.ANY ? "ANY" : "ALL";
    }

    static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    private static Instant instantOrNull(boolean present, Timestamp t) {
        return present ? instant(t) : null;
    }
}
