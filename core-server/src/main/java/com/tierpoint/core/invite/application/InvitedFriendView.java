package com.tierpoint.core.invite.application;

import com.tierpoint.core.program.model.InviteRule;
import java.time.Instant;
import java.util.List;

/** An invitee as their inviter sees them: masked. */
public record InvitedFriendView(
        long invitationId,
        String maskedNickname,
        String maskedMemberId,
        Instant acceptedAt,
        InviteRule.Stage stage,
        boolean valid,
        boolean withheld,
        List<RewardView> rewards) {}
