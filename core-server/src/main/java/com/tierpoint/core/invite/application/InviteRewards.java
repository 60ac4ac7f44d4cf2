package com.tierpoint.core.invite.application;

import com.tierpoint.core.events.EventType;
import com.tierpoint.core.invite.infrastructure.InvitationMapper;
import com.tierpoint.core.invite.infrastructure.InvitationRow;
import com.tierpoint.core.invite.infrastructure.InviteRewardMapper;
import com.tierpoint.core.invite.infrastructure.InviteRewardRow;
import com.tierpoint.core.member.application.MemberChange;
import com.tierpoint.core.member.application.MemberWrites;
import com.tierpoint.core.member.infrastructure.MemberRow;
import com.tierpoint.core.points.application.GrowthLedger;
import com.tierpoint.core.points.application.PointsLedger;
import com.tierpoint.core.points.application.TransactionView;
import com.tierpoint.core.points.infrastructure.TxnRow;
import com.tierpoint.core.program.model.InviteRule;
import com.tierpoint.core.program.model.InviteRule.Beneficiary;
import com.tierpoint.core.program.model.InviteRule.Stage;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.core.shared.infrastructure.IdGenerator;
import com.tierpoint.core.tier.application.RecalculatingTier;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The mechanics of invitation stages, for use cases holding the invitee's lock: grant a stage's
 * rewards exactly once (the unique key on invitation, stage and beneficiary is claimed before
 * anything is credited), take back the first-order rewards when that order is refunded, keep the
 * inviter's valid invites in step, and upgrade whoever a change lifted over a threshold.
 */
@Component
class InviteRewards {

    static final String SOURCE = "invite";
    static final String GRANTED = "GRANTED";
    static final String WITHHELD = "WITHHELD";

    private final MemberWrites members;
    private final InvitationMapper invitations;
    private final InviteRewardMapper rewards;
    private final PointsLedger ledger;
    private final GrowthLedger growth;
    private final RecalculatingTier tiers;
    private final IdGenerator ids;

    InviteRewards(
            MemberWrites members,
            InvitationMapper invitations,
            InviteRewardMapper rewards,
            PointsLedger ledger,
            GrowthLedger growth,
            RecalculatingTier tiers,
            IdGenerator ids) {
        this.members = members;
        this.invitations = invitations;
        this.rewards = rewards;
        this.ledger = ledger;
        this.growth = growth;
        this.tiers = tiers;
        this.ids = ids;
    }

    /**
     * Moves the invitation to {@code stage}, grants that stage's rewards (points spendable from
     * {@code availableAt}) and counts it as a valid invite once it reaches the program's
     * valid_at stage.
     */
    void reach(InvitationParties parties, InvitationRow inv, Stage stage, Instant availableAt, Program program) {
        InviteRule rule = program.invites();
        if (stage.compareTo(Stage.valueOf(inv.stage)) > 0) {
            inv.stage = stage.name();
            Map<String, Object> advanced = new LinkedHashMap<>();
            advanced.put("invitation_id", String.valueOf(inv.id));
            advanced.put("inviter_id", String.valueOf(inv.inviterId));
            advanced.put("invitee_id", String.valueOf(inv.inviteeId));
            advanced.put("stage", stage.name());
            parties.invitee().emit(EventType.INVITE_ADVANCED, advanced);
        }
        for (InviteRule.Reward reward : rule.rewardsAt(stage)) {
            grant(parties, inv, reward, availableAt, program);
        }
        if (!inv.countedValid && !inv.withheld && stage.reached(rule.validAt())) {
            parties.inviter().member().validInvites += 1;
            inv.countedValid = true;
        }
    }

    private void grant(
            InvitationParties parties,
            InvitationRow inv,
            InviteRule.Reward reward,
            Instant availableAt,
            Program program) {
        MemberChange change = parties.of(reward.beneficiary());
        Instant now = change.now();
        InviteRewardRow row = new InviteRewardRow();
        row.id = ids.nextId();
        row.invitationId = inv.id;
        row.stage = reward.stage().name();
        row.beneficiary = reward.beneficiary().name();
        row.memberId = change.memberId();
        row.points = reward.points();
        row.growth = reward.growth();
        row.status = GRANTED;
        row.availableAt = (availableAt.isAfter(now) ? availableAt : now).toEpochMilli();
        row.pointsReversed = 0L;
        row.pointsUnrecovered = 0L;
        row.growthReversed = 0L;
        row.createdAt = now.toEpochMilli();
        row.updatedAt = now.toEpochMilli();
        try {
            rewards.insert(row);
        } catch (DuplicateKeyException alreadyGranted) {
            return;
        }
        String reason = reason(reward.beneficiary(), reward.stage());
        String txnId = null;
        if (reward.points() > 0) {
            TransactionView txn = ledger.credit(change, reward.points(), reason, SOURCE, null, availableAt, program);
            row.earnTxnId = txn.transactionId();
            txnId = String.valueOf(txn.transactionId());
            rewards.save(row);
        }
        if (reward.growth() > 0) {
            growth.change(change, reward.growth(), reason, SOURCE, null);
        }
        Map<String, Object> p = payload(inv, reward.stage(), reward.beneficiary());
        p.put("points", reward.points());
        p.put("growth", reward.growth());
        p.put("transaction_id", txnId);
        p.put("available_at", Instant.ofEpochMilli(row.availableAt).toString());
        change.emit(EventType.INVITE_REWARDED, p);
    }

    /**
     * The qualifying first order was refunded below the minimum: takes back what its stage
     * granted (pending points first, from the reward's own lot; never overdrawing), marks those
     * rewards WITHHELD for good, and un-counts the valid invite that depended on the order.
     */
    void withhold(InvitationParties parties, InvitationRow inv, Program program) {
        for (InviteRewardRow r : rewards.ofInvitation(inv.id)) {
            if (!Stage.FIRST_ORDER_PAID.name().equals(r.stage) || !GRANTED.equals(r.status)) {
                continue;
            }
            MemberChange change = parties.of(Beneficiary.valueOf(r.beneficiary));
            String reason = "邀请奖励撤回：首单退款";
            if (r.earnTxnId != null) {
                TxnRow earn = ledger.transaction(r.earnTxnId);
                long left = r.points - ledger.reversedOf(earn.id);
                if (left > 0) {
                    long taken = ledger.reverseEarn(change, earn, left, reason, SOURCE, true)
                            .points();
                    r.pointsReversed = taken;
                    r.pointsUnrecovered = left - taken;
                }
            }
            if (r.growth > 0) {
                r.growthReversed = -growth.change(change, -r.growth, reason, SOURCE, null);
            }
            r.status = WITHHELD;
            r.updatedAt = change.now().toEpochMilli();
            rewards.save(r);
            Map<String, Object> p = payload(inv, Stage.valueOf(r.stage), Beneficiary.valueOf(r.beneficiary));
            p.put("order_id", inv.orderId);
            p.put("points_reversed", r.pointsReversed);
            p.put("points_unrecovered", r.pointsUnrecovered);
            p.put("growth_reversed", r.growthReversed);
            change.emit(EventType.INVITE_WITHHELD, p);
        }
        inv.withheld = true;
        inv.completeDueAt = null;
        if (inv.countedValid && program.invites().validAt() != Stage.ENROLLED) {
            MemberRow inviter = parties.inviter().member();
            inviter.validInvites = Math.max(0, inviter.validInvites - 1);
            inv.countedValid = false;
        }
    }

    /**
     * Saves the invitation, upgrades the members whose growth or valid invites now earn a higher
     * tier, and commits the inviter's change (and the invitee's when {@code commitInvitee}; an
     * order hook leaves that to the order's own commit).
     */
    void finish(InvitationParties parties, InvitationRow inv, Program program, boolean commitInvitee) {
        inv.updatedAt = parties.invitee().now().toEpochMilli();
        invitations.saveProgress(inv);
        upgrade(parties.invitee(), inv, program);
        MemberChange inviter = parties.inviterIfOpen();
        if (inviter != null) {
            upgrade(inviter, inv, program);
            members.commit(inviter);
        }
        if (commitInvitee) {
            members.commit(parties.invitee());
        }
    }

    private void upgrade(MemberChange change, InvitationRow inv, Program program) {
        tiers.upgradeIfEarned(change, program, Map.of("invitation_id", String.valueOf(inv.id)));
    }

    static Map<String, Object> payload(InvitationRow inv, Stage stage, Beneficiary beneficiary) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("invitation_id", String.valueOf(inv.id));
        p.put("inviter_id", String.valueOf(inv.inviterId));
        p.put("invitee_id", String.valueOf(inv.inviteeId));
        p.put("stage", stage.name());
        p.put("beneficiary", beneficiary.name());
        return p;
    }

    /** The ledger line's text, shown to the member. */
    static String reason(Beneficiary beneficiary, Stage stage) {
        String what =
                switch (stage) {
                    case ENROLLED -> "注册";
                    case FIRST_ORDER_PAID -> "首单";
                    case FIRST_ORDER_COMPLETED -> "首单完成";
                };
        return (beneficiary == Beneficiary.INVITER ? "邀请好友" : "受邀") + what + "奖励";
    }
}
