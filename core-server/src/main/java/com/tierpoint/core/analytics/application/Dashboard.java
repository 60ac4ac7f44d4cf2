package com.tierpoint.core.analytics.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What GetDashboard answers. Rates are computed by the edge from these counts. */
public record Dashboard(
        LocalDate from, LocalDate to, List<Day> days, Snapshot current, Instant asOf, LocalDate coveredFrom) {

    public record TierCount(String tierCode, String tierName, long members) {}

    public record Move(String fromTier, String toTier, long members) {}

    /** One program day: its flows, and the running totals at its end. */
    public record Day(
            LocalDate day,
            long pointsIssued,
            long pointsRedeemed,
            long pointsExpired,
            long pointsReversed,
            long pointsReturned,
            long pointsOperatorGranted,
            long pointsOperatorDeducted,
            long pointsOutstanding,
            long membersEnrolled,
            long membersTotal,
            long activeMembers,
            long checkIns,
            long invitesCreated,
            long invitesAccepted,
            long invitesFirstOrder,
            long invitesCompleted,
            long tierUpgrades,
            long tierDowngrades,
            List<TierCount> membersPerTier,
            List<Move> moves) {}

    public record Snapshot(long membersTotal, long pointsOutstanding, List<TierCount> membersPerTier) {}
}
