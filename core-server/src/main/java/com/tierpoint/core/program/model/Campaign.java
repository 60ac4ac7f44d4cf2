package com.tierpoint.core.program.model;

import java.time.Instant;
import java.util.List;

/** A points multiplier for orders paid inside [startsAt, endsAt), optionally for some tiers only. */
public record Campaign(
        String code,
        String name,
        int multiplierPercent,
        Instant startsAt,
        Instant endsAt,
        List<String> tierCodes,
        Stacking stacking) {

    /** How a campaign combines with the tier multiplier. */
    public enum Stacking {
        MULTIPLY,
        ADD,
        HIGHEST
    }

    public Campaign {
        tierCodes = tierCodes == null ? List.of() : List.copyOf(tierCodes);
        stacking = stacking == null ? Stacking.MULTIPLY : stacking;
    }

    public boolean appliesTo(String tierCode, Instant at) {
        return !at.isBefore(startsAt) && at.isBefore(endsAt) && (tierCodes.isEmpty() || tierCodes.contains(tierCode));
    }

    /** The effective multiplier (percent) for a member whose tier multiplies by {@code tierPercent}. */
    public int combinedWith(int tierPercent) {
        return switch (stacking) {
            case MULTIPLY -> Math.toIntExact((long) tierPercent * multiplierPercent / 100);
            case ADD -> tierPercent + multiplierPercent - 100;
            case HIGHEST -> Math.max(tierPercent, multiplierPercent);
        };
    }
}
