package com.tierpoint.core.invite.application;

import com.tierpoint.core.member.application.MemberChange;
import com.tierpoint.core.member.application.MemberWrites;
import com.tierpoint.core.program.model.InviteRule;

/**
 * The two members an invitation change may touch, in one transaction. The invitee is locked
 * first; the inviter is locked only when the change reaches them (child before parent), unless
 * the caller locked both up front in member-id order.
 */
final class InvitationParties {

    private final MemberWrites members;
    private final MemberChange invitee;
    private final long inviterId;
    private MemberChange inviter;

    private InvitationParties(MemberWrites members, MemberChange invitee, long inviterId, MemberChange inviter) {
        this.members = members;
        this.invitee = invitee;
        this.inviterId = inviterId;
        this.inviter = inviter;
    }

    /** The invitee is locked; the inviter will be locked after it when needed. */
    static InvitationParties childFirst(MemberWrites members, MemberChange invitee, long inviterId) {
        return new InvitationParties(members, invitee, inviterId, null);
    }

    /** Both already locked (in member-id order). */
    static InvitationParties bothLocked(MemberWrites members, MemberChange invitee, MemberChange inviter) {
        return new InvitationParties(members, invitee, inviter.memberId(), inviter);
    }

    MemberChange invitee() {
        return invitee;
    }

    MemberChange inviter() {
        if (inviter == null) {
            inviter = members.begin(inviterId, invitee.now());
        }
        return inviter;
    }

    MemberChange of(InviteRule.Beneficiary beneficiary) {
        return beneficiary == InviteRule.Beneficiary.INVITER ? inviter() : invitee;
    }

    /** The inviter's change if this transaction opened one, else null. */
    MemberChange inviterIfOpen() {
        return inviter;
    }
}
