package com.tierpoint.core.analytics.model;

/** What one program day adds to the aggregates: flows, and changes of the running totals. */
public final class DayFigures {
    public long pointsIssued;
    public long pointsRedeemed;
    public long pointsExpired;
    public long pointsReversed;
    public long pointsReturned;
    public long pointsOperatorGranted;
    public long pointsOperatorDeducted;
    public long outstandingDelta;
    public long membersEnrolled;
    public long membersDelta;
    public long activeMembers;
    public long checkIns;
    public long invitesCreated;
    public long invitesAccepted;
    public long invitesFirstOrder;
    public long invitesCompleted;
    public long tierUpgrades;
    public long tierDowngrades;
}
