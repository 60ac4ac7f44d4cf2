package com.tierpoint.core.program.model;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The membership program: the tier ladder (sorted by rank), how orders earn points and growth,
 * when points expire, and the zone that defines a day. Immutable; changed as a whole.
 */
public record Program(
        String name,
        String timeZone,
        List<TierDefinition> tiers,
        EarnRule earnRule,
        GrowthRule growthRule,
        ExpiryPolicy pointsExpiry,
        int refundWindowDays,
        long version,
        CheckInRule checkIn,
        InviteRule invites,
        List<Campaign> campaigns,
        BirthdayGift birthdayGift,
        Reminders reminders,
        RetentionDrop retentionDrop) {

    public static final String DEFAULT_ZONE = "Asia/Shanghai";

    public Program {
        tiers = tiers == null
                ? List.of()
                : tiers.stream()
                        .sorted(Comparator.comparingInt(TierDefinition::rank))
                        .toList();
        timeZone = timeZone == null || timeZone.isBlank() ? DEFAULT_ZONE : timeZone;
        pointsExpiry = pointsExpiry == null ? ExpiryPolicy.never() : pointsExpiry;
        checkIn = checkIn == null ? CheckInRule.none() : checkIn;
        invites = invites == null ? InviteRule.none() : invites;
        campaigns = campaigns == null ? List.of() : List.copyOf(campaigns);
        birthdayGift = birthdayGift == null ? BirthdayGift.none() : birthdayGift;
        reminders = reminders == null ? Reminders.none() : reminders;
        retentionDrop = retentionDrop == null ? RetentionDrop.ONE_TIER : retentionDrop;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Program withVersion(long newVersion) {
        return new Program(
                name,
                timeZone,
                tiers,
                earnRule,
                growthRule,
                pointsExpiry,
                refundWindowDays,
                newVersion,
                checkIn,
                invites,
                campaigns,
                birthdayGift,
                reminders,
                retentionDrop);
    }

    /** The tier every member starts in: the lowest rank. */
    public TierDefinition entryTier() {
        return tiers.get(0);
    }

    /** A tier by code; a member whose tier was removed from the program counts as entry tier. */
    public TierDefinition tier(String code) {
        return tiers.stream().filter(t -> t.code().equals(code)).findFirst().orElse(entryTier());
    }

    /** The next tier up, if any. */
    public Optional<TierDefinition> tierAbove(TierDefinition tier) {
        return tiers.stream().filter(t -> t.rank() > tier.rank()).findFirst();
    }

    /**
     * The highest tier above {@code current} whose upgrade rule the metrics satisfy; empty when
     * there is none (upgrades only: tiers drop through retention, never here).
     */
    public Optional<TierDefinition> upgradeFor(TierDefinition current, MetricSource metrics) {
        TierDefinition best = null;
        for (TierDefinition t : tiers) {
            if (t.rank() > current.rank()
                    && !t.upgradeRule().isEmpty()
                    && t.upgradeRule().heldBy(metrics)) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The next tier down, if any. */
    public Optional<TierDefinition> tierBelow(TierDefinition tier) {
        TierDefinition below = null;
        for (TierDefinition t : tiers) {
            if (t.rank() < tier.rank()) {
                below = t;
            }
        }
        return Optional.ofNullable(below);
    }

    /**
     * Whether a tier is kept at the end of its validity: its retention rule holds, or when it has
     * none, its upgrade rule (the member qualifies again). The entry tier is always kept.
     */
    public boolean keeps(TierDefinition tier, MetricSource metrics) {
        TierRule keep = keepRule(tier);
        return keep.isEmpty() || keep.heldBy(metrics);
    }

    /** The rule {@link #keeps} judges: the retention rule, else the upgrade rule; empty = kept. */
    public TierRule keepRule(TierDefinition tier) {
        return tier.retentionRule().isEmpty() ? tier.upgradeRule() : tier.retentionRule();
    }

    /**
     * Where a member whose tier lapsed goes: the same tier when they kept it; otherwise one tier
     * down or, with {@link RetentionDrop#TO_QUALIFIED}, to the highest lower tier whose upgrade
     * rule their metrics still meet.
     */
    public TierDefinition afterLapse(TierDefinition tier, MetricSource metrics) {
        if (keeps(tier, metrics)) {
            return tier;
        }
        if (retentionDrop == RetentionDrop.ONE_TIER) {
            return tierBelow(tier).orElse(tier);
        }
        TierDefinition target = entryTier();
        for (TierDefinition t : tiers) {
            if (t.rank() < tier.rank()
                    && (t.upgradeRule().isEmpty() || t.upgradeRule().heldBy(metrics))) {
                target = t;
            }
        }
        return target;
    }
}
