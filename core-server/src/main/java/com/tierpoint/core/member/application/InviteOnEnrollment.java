package com.tierpoint.core.member.application;

import com.tierpoint.core.program.model.Program;

/**
 * Accepts the invite code a user enrolled with, inside the enrollment's transaction (implemented
 * by the invite feature). A code the invitation rules refuse must change nothing and must not
 * fail the enrollment: the refusal is reported in the outcome instead.
 */
public interface InviteOnEnrollment {

    /** The invitation made, or why there is none. Exactly one of the two is set. */
    record Outcome(String invitationId, String rejectionReason) {}

    /** @param program the program the enrollment runs under (read before its transaction) */
    Outcome accept(long memberId, String inviteCode, Program program);
}
