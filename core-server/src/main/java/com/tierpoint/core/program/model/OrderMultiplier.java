package com.tierpoint.core.program.model;

import java.time.Instant;
import java.util.Optional;

/**
 * The points multiplier an order earns at: its member's tier, combined with the campaign that
 * gives the most at the moment of payment (campaigns never stack with each other).
 */
public record OrderMultiplier(int percent, TierDefinition tier, Campaign campaign) {

    public static OrderMultiplier of(Program program, TierDefinition tier, Instant paidAt) {
        int tierPercent = tier.pointsMultiplierPercent();
        OrderMultiplier best = new OrderMultiplier(tierPercent, tier, null);
        for (Campaign c : program.campaigns()) {
            if (c.appliesTo(tier.code(), paidAt) && c.combinedWith(tierPercent) > best.percent) {
                best = new OrderMultiplier(c.combinedWith(tierPercent), tier, c);
            }
        }
        return best;
    }

    public Optional<Campaign> activeCampaign() {
        return Optional.ofNullable(campaign);
    }

    /**
     * The ledger reason: "订单消费", then the tier's multiplier when it is not x1, then the
     * campaign's, e.g. "订单消费 金卡会员 x1.5 · x2 Singles' Day".
     */
    public String reason(String base) {
        StringBuilder s = new StringBuilder(base);
        if (tier.pointsMultiplierPercent() != 100) {
            s.append(' ').append(tier.name()).append(" x").append(times(tier.pointsMultiplierPercent()));
        }
        if (campaign != null) {
            s.append(tier.pointsMultiplierPercent() != 100 ? " · " : " ");
            s.append('x')
                    .append(times(campaign.multiplierPercent()))
                    .append(' ')
                    .append(campaign.name());
        }
        return s.toString();
    }

    static String times(int percent) {
        return percent % 100 == 0 ? String.valueOf(percent / 100) : String.valueOf(percent / 100.0);
    }
}
