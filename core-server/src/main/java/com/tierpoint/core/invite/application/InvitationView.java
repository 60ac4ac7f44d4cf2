package com.tierpoint.core.invite.application;

import com.tierpoint.core.invite.infrastructure.InvitationRow;
import com.tierpoint.core.invite.infrastructure.InviteRewardRow;
import com.tierpoint.core.program.model.InviteRule;
import java.time.Instant;
import java.util.List;

/** An invitation with every reward granted or withheld so far. */
public record InvitationView(
        long invitationId,
        String code,
        long inviterId,
        long inviteeId,
        Instant acceptedAt,
        InviteRule.Stage stage,
        boolean valid,
        boolean withheld,
        List<RewardView> rewards) {

    static InvitationView of(InvitationRow i, List<InviteRewardRow> rewards, Instant now) {
        return new InvitationView(
                i.id,
                i.code,
                i.inviterId,
                i.inviteeId,
                Instant.ofEpochMilli(i.acceptedAt),
                InviteRule.Stage.valueOf(i.stage),
                i.countedValid,
                i.withheld,
                rewards.stream().map(r -> RewardView.of(r, now)).toList());
    }
}
