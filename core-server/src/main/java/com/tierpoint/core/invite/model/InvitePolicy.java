package com.tierpoint.core.invite.model;

import com.tierpoint.core.program.model.InviteRule;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The rules an invitation must pass, each named, each refusing with a stable reason code. They
 * are evaluated in the order listed here; the first that refuses decides.
 */
public final class InvitePolicy {

    public static final String INVITES_DISABLED = "INVITES_DISABLED";
    public static final String SELF_INVITE = "SELF_INVITE";
    public static final String INVITE_EXPIRED = "INVITE_EXPIRED";
    public static final String ALREADY_INVITED = "ALREADY_INVITED";
    public static final String INVITEE_NOT_NEW = "INVITEE_NOT_NEW";
    public static final String INVITEE_PREVIOUSLY_MEMBER = "INVITEE_PREVIOUSLY_MEMBER";
    public static final String INVITE_CYCLE = "INVITE_CYCLE";
    public static final String INVITER_DAILY_CAP = "INVITER_DAILY_CAP";
    public static final String INVITER_MONTHLY_CAP = "INVITER_MONTHLY_CAP";
    /** Reported by enrollment for a code that does not exist (AcceptInvite answers NOT_FOUND). */
    public static final String INVITE_NOT_FOUND = "INVITE_NOT_FOUND";

    /**
     * How far up the inviter's chain of inviters a cycle is looked for. A cycle also needs an
     * ancestor to enroll after a descendant created a code, which {@link #inviteeMustBeNew}
     * refuses; the walk is the second line of defence and is kept short.
     */
    public static final int MAX_CHAIN = 64;

    /** Why an invitation is refused. */
    public record Rejection(String reason, String message) {}

    private InvitePolicy() {}

    public static Optional<Rejection> invitesEnabled(InviteRule rule) {
        return refuseIf(!rule.enabled(), INVITES_DISABLED, "the program has invitations turned off");
    }

    public static Optional<Rejection> noSelfInvite(long inviterId, long inviteeId) {
        return refuseIf(inviterId == inviteeId, SELF_INVITE, "a member cannot accept their own invite code");
    }

    public static Optional<Rejection> codeNotExpired(Instant expiresAt, Instant now) {
        return refuseIf(!now.isBefore(expiresAt), INVITE_EXPIRED, "the invite code expired at " + expiresAt);
    }

    /** @param currentInviterId the invitee's inviter, null when they have none */
    public static Optional<Rejection> oneInviterPerInvitee(Long currentInviterId) {
        return refuseIf(
                currentInviterId != null,
                ALREADY_INVITED,
                "the member already accepted an invitation (of member " + currentInviterId + ")");
    }

    /** Only a member who enrolled after the code was created, and not too long ago, can be invited. */
    public static Optional<Rejection> inviteeMustBeNew(
            Instant inviteeEnrolledAt, Instant codeCreatedAt, Instant now, InviteRule rule) {
        if (inviteeEnrolledAt.isBefore(codeCreatedAt)) {
            return refuse(INVITEE_NOT_NEW, "the member enrolled before the invite code was created");
        }
        return refuseIf(
                now.isAfter(inviteeEnrolledAt.plus(rule.acceptWindow())),
                INVITEE_NOT_NEW,
                "an invitation must be accepted within " + rule.acceptWithinHours() + " hours of enrolling");
    }

    /** The same WeChat user (unionid) enrolled before as another member: not a new customer. */
    public static Optional<Rejection> notPreviouslyMember(long earlierMembersWithSameUnionid) {
        return refuseIf(
                earlierMembersWithSameUnionid > 0,
                INVITEE_PREVIOUSLY_MEMBER,
                "the same WeChat user was a member before (same unionid)");
    }

    /** @param inviterAncestors the inviter's inviter, then theirs, and so on */
    public static Optional<Rejection> noCycle(List<Long> inviterAncestors, long inviteeId) {
        return refuseIf(
                inviterAncestors.contains(inviteeId),
                INVITE_CYCLE,
                "the member is already above the inviter in the chain of invitations");
    }

    public static Optional<Rejection> withinDailyCap(int acceptedToday, InviteRule rule) {
        return refuseIf(
                rule.dailyCap() > 0 && acceptedToday >= rule.dailyCap(),
                INVITER_DAILY_CAP,
                "the inviter reached today's limit of " + rule.dailyCap() + " invitations");
    }

    public static Optional<Rejection> withinMonthlyCap(int acceptedThisMonth, InviteRule rule) {
        return refuseIf(
                rule.monthlyCap() > 0 && acceptedThisMonth >= rule.monthlyCap(),
                INVITER_MONTHLY_CAP,
                "the inviter reached this month's limit of " + rule.monthlyCap() + " invitations");
    }

    /** The start of the program day containing {@code now}. */
    public static Instant dayStart(Instant now, ZoneId zone) {
        return now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }

    /** The start of the program month containing {@code now}. */
    public static Instant monthStart(Instant now, ZoneId zone) {
        ZonedDateTime z = now.atZone(zone);
        return z.toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant();
    }

    private static Optional<Rejection> refuseIf(boolean condition, String reason, String message) {
        return condition ? refuse(reason, message) : Optional.empty();
    }

    private static Optional<Rejection> refuse(String reason, String message) {
        return Optional.of(new Rejection(reason, message));
    }
}
