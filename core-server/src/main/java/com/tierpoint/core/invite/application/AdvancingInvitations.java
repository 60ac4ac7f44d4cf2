package com.tierpoint.core.invite.application;

import com.tierpoint.core.invite.infrastructure.InvitationMapper;
import com.tierpoint.core.invite.infrastructure.InvitationRow;
import com.tierpoint.core.member.application.MemberChange;
import com.tierpoint.core.member.application.MemberWrites;
import com.tierpoint.core.order.infrastructure.OrderMapper;
import com.tierpoint.core.order.infrastructure.OrderRow;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.program.model.InviteRule;
import com.tierpoint.core.program.model.InviteRule.Stage;
import com.tierpoint.core.program.model.Program;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves invitations along with the invitee's orders. The invitee's first order paid after
 * accepting that reaches the program's minimum becomes the qualifying order: FIRST_ORDER_PAID is
 * reached at once (points pending until the order's refund window ends); FIRST_ORDER_COMPLETED
 * once that order is COMPLETED and its window has passed; a refund below the minimum withholds
 * the first-order rewards for good. State-based like orders: a repeated report changes nothing.
 *
 * <p>Every change holds the invitee's lock first and takes the inviter's after it (child before
 * parent; invitations never form a cycle, so neither do these lock waits).
 */
@Service
public class AdvancingInvitations {

    private static final Logger log = LoggerFactory.getLogger(AdvancingInvitations.class);

    private final MemberWrites members;
    private final InvitationMapper invitations;
    private final OrderMapper orders;
    private final InviteRewards rewards;
    private final ProgramStore programs;
    private final TransactionTemplate tx;

    AdvancingInvitations(
            MemberWrites members,
            InvitationMapper invitations,
            OrderMapper orders,
            InviteRewards rewards,
            ProgramStore programs,
            TransactionTemplate tx) {
        this.members = members;
        this.invitations = invitations;
        this.orders = orders;
        this.rewards = rewards;
        this.programs = programs;
        this.tx = tx;
    }

    /**
     * Called by RecordingOrder right after it locked the member, before anything is read: when
     * this order may move the member's invitation, locks the inviter too, so that the snapshot
     * the transaction reads from (taken at its first plain read) already includes every change
     * to the inviter that the lock waited for. Only locking reads here, and only of rows known
     * to exist (no gap locks).
     */
    public void beforeOrder(MemberChange invitee, String orderId) {
        if (invitee.member().invitedBy == null) {
            return;
        }
        InvitationRow inv = invitations.lockByInvitee(invitee.memberId());
        if (mayMove(inv, orderId)) {
            members.lock(inv.inviterId);
        }
    }

    /**
     * Called by RecordingOrder with the invitee's open change, after the order's state was
     * stored and before the change is committed (RecordingOrder commits the invitee).
     */
    public void orderRecorded(MemberChange invitee, OrderRow order, Program program) {
        if (invitee.member().invitedBy == null) {
            return;
        }
        InvitationRow inv = invitations.byInvitee(invitee.memberId());
        if (!mayMove(inv, order.orderId)) {
            return;
        }
        InviteRule rule = program.invites();
        InvitationParties parties = InvitationParties.childFirst(members, invitee, inv.inviterId);
        boolean changed = false;
        if (inv.orderId == null) {
            if (!rule.enabled()
                    || order.paidAt < inv.acceptedAt
                    || !rule.qualifies(order.amountFen, order.refundedFen)) {
                return;
            }
            inv.orderId = order.orderId;
            inv.orderWindowEndsAt = order.pointsAvailableAt;
            rewards.reach(parties, inv, Stage.FIRST_ORDER_PAID, Instant.ofEpochMilli(order.pointsAvailableAt), program);
            changed = true;
        } else if (!rule.qualifies(order.amountFen, order.refundedFen)) {
            rewards.withhold(parties, inv, program);
            changed = true;
        }
        if (!inv.withheld && order.completedAt != null) {
            Instant windowEnds = Instant.ofEpochMilli(inv.orderWindowEndsAt);
            if (rule.enabled() && !invitee.now().isBefore(windowEnds)) {
                rewards.reach(parties, inv, Stage.FIRST_ORDER_COMPLETED, invitee.now(), program);
                inv.completeDueAt = null;
                changed = true;
            } else if (inv.completeDueAt == null) {
                // the refund window is still running: completeDue reaches the stage once it ends
                inv.completeDueAt = inv.orderWindowEndsAt;
                changed = true;
            }
        }
        if (changed) {
            rewards.finish(parties, inv, program, false);
        }
    }

    /** An order moves an unsettled invitation only before it has a qualifying order, or as that order. */
    private static boolean mayMove(InvitationRow inv, String orderId) {
        return inv != null
                && !inv.withheld
                && Stage.valueOf(inv.stage) != Stage.FIRST_ORDER_COMPLETED
                && (inv.orderId == null || inv.orderId.equals(orderId));
    }

    /**
     * Reaches FIRST_ORDER_COMPLETED for invitations whose qualifying order completed before its
     * refund window ended and whose window has now passed: at most {@code limit} of them, longest
     * due first, each in its own transaction. Safe to run on several instances at once: each
     * invitation is re-read under its invitee's lock and skipped if another run got there first.
     *
     * @return how many invitations this call moved to FIRST_ORDER_COMPLETED
     */
    public int completeDue(Instant now, int limit) {
        Program program = programs.current();
        if (!program.invites().enabled() || limit <= 0) {
            return 0;
        }
        int completed = 0;
        for (InvitationRow due : invitations.dueForCompletion(now.toEpochMilli(), limit)) {
            try {
                if (Boolean.TRUE.equals(tx.execute(s -> completeOne(due, now, program)))) {
                    completed++;
                }
            } catch (RuntimeException e) {
                // e.g. a deadlock victim: the invitation stays due and the next run takes it
                log.warn("completing invitation {} failed; it stays due: {}", due.id, e.toString());
            }
        }
        return completed;
    }

    private boolean completeOne(InvitationRow listed, Instant now, Program program) {
        // both locks before the first plain read: child, then parent
        MemberChange invitee = members.begin(listed.inviteeId, now);
        members.lock(listed.inviterId);
        InvitationRow inv = invitations.selectById(listed.id);
        if (inv == null
                || inv.completeDueAt == null
                || inv.completeDueAt > now.toEpochMilli()
                || inv.withheld
                || Stage.valueOf(inv.stage) != Stage.FIRST_ORDER_PAID) {
            return false; // another run completed it, or the order changed since it was listed
        }
        InvitationParties parties = InvitationParties.childFirst(members, invitee, inv.inviterId);
        OrderRow order = orders.selectById(inv.orderId);
        if (order != null
                && order.completedAt != null
                && program.invites().qualifies(order.amountFen, order.refundedFen)) {
            rewards.reach(parties, inv, Stage.FIRST_ORDER_COMPLETED, now, program);
        }
        inv.completeDueAt = null;
        rewards.finish(parties, inv, program, true);
        return Stage.valueOf(inv.stage) == Stage.FIRST_ORDER_COMPLETED;
    }
}
