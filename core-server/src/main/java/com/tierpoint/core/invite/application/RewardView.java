package com.tierpoint.core.invite.application;

import com.tierpoint.core.invite.infrastructure.InviteRewardRow;
import com.tierpoint.core.invite.model.RewardStatus;
import com.tierpoint.core.program.model.InviteRule;
import java.time.Instant;

/** One reward of an invitation as of a moment. */
public record RewardView(
        InviteRule.Beneficiary beneficiary,
        InviteRule.Stage stage,
        long points,
        long growth,
        RewardStatus status,
        Instant availableAt) {

    static RewardView of(InviteRewardRow r, Instant now) {
        Instant availableAt = Instant.ofEpochMilli(r.availableAt);
        return new RewardView(
                InviteRule.Beneficiary.valueOf(r.beneficiary),
                InviteRule.Stage.valueOf(r.stage),
                r.points,
                r.growth,
                RewardStatus.of(r.status, r.points, availableAt, now),
                availableAt);
    }
}
