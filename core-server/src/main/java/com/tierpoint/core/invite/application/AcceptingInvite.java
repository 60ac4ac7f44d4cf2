package com.tierpoint.core.invite.application;

import com.tierpoint.core.events.EventType;
import com.tierpoint.core.invite.infrastructure.InvitationMapper;
import com.tierpoint.core.invite.infrastructure.InvitationRow;
import com.tierpoint.core.invite.infrastructure.InviteCodeMapper;
import com.tierpoint.core.invite.infrastructure.InviteCodeRow;
import com.tierpoint.core.invite.infrastructure.InviteQuotaMapper;
import com.tierpoint.core.invite.infrastructure.InviteQuotaRow;
import com.tierpoint.core.invite.infrastructure.InviteRewardMapper;
import com.tierpoint.core.invite.model.InviteCode;
import com.tierpoint.core.invite.model.InvitePolicy;
import com.tierpoint.core.member.application.InviteOnEnrollment;
import com.tierpoint.core.member.application.MemberChange;
import com.tierpoint.core.member.application.MemberWrites;
import com.tierpoint.core.member.infrastructure.MemberRow;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.program.model.InviteRule;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.core.shared.application.IdempotentExecutor;
import com.tierpoint.core.shared.infrastructure.IdGenerator;
import com.tierpoint.core.shared.model.MemberId;
import com.tierpoint.core.shared.model.NotFound;
import com.tierpoint.core.shared.model.RequestKey;
import com.tierpoint.core.shared.model.RuleRejected;
import com.tierpoint.core.shared.model.Validation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a member the invitee of a code's owner: checks every {@link InvitePolicy} rule with both
 * members locked (in member-id order, so two accepts never deadlock), then records the
 * invitation, counts it against the inviter's caps and grants the ENROLLED rewards, all in one
 * transaction. Also accepts the code a user enrolls with, inside the enrollment.
 *
 * <p>Nothing is read without a lock until both members are locked, so the transaction's snapshot
 * (REPEATABLE READ takes it at the first plain read) already holds whatever those locks waited
 * for. See docs/adr/0008.
 */
@Service
public class AcceptingInvite implements InviteOnEnrollment {

    public record Command(String code, String inviteeMemberId) {

        void validate(Validation v) {
            v.require(
                    InviteCode.wellFormed(code),
                    "code",
                    "is required: at most " + InviteCode.MAX_INPUT_LENGTH + " visible ASCII characters");
            v.memberId(inviteeMemberId, "invitee_member_id");
        }
    }

    private final MemberWrites members;
    private final InviteCodeMapper codes;
    private final InviteQuotaMapper quotas;
    private final InvitationMapper invitations;
    private final InviteRewardMapper rewardRows;
    private final InviteRewards rewards;
    private final ProgramStore programs;
    private final IdempotentExecutor idempotent;
    private final IdGenerator ids;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    AcceptingInvite(
            MemberWrites members,
            InviteCodeMapper codes,
            InviteQuotaMapper quotas,
            InvitationMapper invitations,
            InviteRewardMapper rewardRows,
            InviteRewards rewards,
            ProgramStore programs,
            IdempotentExecutor idempotent,
            IdGenerator ids,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.members = members;
        this.codes = codes;
        this.quotas = quotas;
        this.invitations = invitations;
        this.rewardRows = rewardRows;
        this.rewards = rewards;
        this.programs = programs;
        this.idempotent = idempotent;
        this.ids = ids;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public InvitationView accept(RequestKey key, Command c) {
        Validation v = new Validation();
        RequestKey.validate(key.idempotencyKey(), v);
        c.validate(v);
        v.throwIfInvalid();
        Program program = programs.current();
        return idempotent.execute(
                key,
                "AcceptInvite",
                c,
                InvitationView.class,
                () -> acceptLocked(c.code(), MemberId.of(c.inviteeMemberId()), program));
    }

    /**
     * Inside the enrollment's transaction, behind a savepoint: a refused code rolls back to it
     * (releasing nothing the enrollment wrote) and is reported, never thrown. Failures that are
     * not rule refusals (a deadlock, a lost connection) still fail the enrollment, to be retried.
     */
    @Override
    public Outcome accept(long memberId, String inviteCode, Program program) {
        try {
            InvitationView made = savepoint.execute(s -> acceptLocked(inviteCode, memberId, program));
            return new Outcome(String.valueOf(made.invitationId()), null);
        } catch (RuleRejected refused) {
            return new Outcome(null, refused.reason());
        } catch (NotFound unknownCode) {
            return new Outcome(null, InvitePolicy.INVITE_NOT_FOUND);
        }
    }

    private InvitationView acceptLocked(String text, long inviteeId, Program program) {
        Instant now = clock.instant();
        InviteRule rule = program.invites();
        refuse(InvitePolicy.invitesEnabled(rule));
        String canonical = InviteCode.canonical(text);
        InviteCodeRow code = canonical == null ? null : codes.lock(canonical);
        if (code == null) {
            throw new NotFound("invite code " + text);
        }
        refuse(InvitePolicy.noSelfInvite(code.inviterId, inviteeId));
        refuse(InvitePolicy.codeNotExpired(Instant.ofEpochMilli(code.expiresAt), now));

        MemberChange first = members.begin(Math.min(code.inviterId, inviteeId), now);
        MemberChange second = members.begin(Math.max(code.inviterId, inviteeId), now);
        MemberChange invitee = first.memberId() == inviteeId ? first : second;
        MemberChange inviter = invitee == first ? second : first;
        MemberRow m = invitee.member();

        InvitationRow existing = invitations.byInvitee(inviteeId);
        refuse(InvitePolicy.oneInviterPerInvitee(existing == null ? null : existing.inviterId));
        refuse(InvitePolicy.inviteeMustBeNew(
                Instant.ofEpochMilli(m.enrolledAt), Instant.ofEpochMilli(code.createdAt), now, rule));
        refuse(InvitePolicy.notPreviouslyMember(
                m.unionid == null ? 0 : invitations.earlierMembersWithUnionid(m.unionid, m.id, m.enrolledAt)));
        refuse(InvitePolicy.noCycle(ancestorsOf(code.inviterId), inviteeId));
        InviteQuotaRow quota = lockQuota(code.inviterId, now, program);
        refuse(InvitePolicy.withinDailyCap(quota.dayCount, rule));
        refuse(InvitePolicy.withinMonthlyCap(quota.monthCount, rule));

        InvitationRow inv = new InvitationRow();
        inv.id = ids.nextId();
        inv.code = code.code;
        inv.inviterId = code.inviterId;
        inv.inviteeId = inviteeId;
        inv.acceptedAt = now.toEpochMilli();
        inv.stage = InviteRule.Stage.ENROLLED.name();
        inv.withheld = false;
        inv.countedValid = false;
        inv.updatedAt = now.toEpochMilli();
        try {
            invitations.insert(inv);
        } catch (DuplicateKeyException raced) {
            // the unique key on invitee_id: another accept of this invitee committed first
            throw new RuleRejected(InvitePolicy.ALREADY_INVITED, "the member already accepted an invitation");
        }
        invitations.setInvitedBy(inviteeId, inv.inviterId);
        m.invitedBy = inv.inviterId;
        quota.dayCount += 1;
        quota.monthCount += 1;
        quotas.save(quota);

        Map<String, Object> toInvitee = new LinkedHashMap<>();
        toInvitee.put("invitation_id", String.valueOf(inv.id));
        toInvitee.put("inviter_id", String.valueOf(inv.inviterId));
        toInvitee.put("code", inv.code);
        invitee.emit(EventType.INVITE_ACCEPTED, toInvitee);
        Map<String, Object> toInviter = new LinkedHashMap<>();
        toInviter.put("invitation_id", String.valueOf(inv.id));
        toInviter.put("invitee_id", String.valueOf(inv.inviteeId));
        toInviter.put("code", inv.code);
        inviter.emit(EventType.INVITE_ACCEPTED, toInviter);

        InvitationParties parties = InvitationParties.bothLocked(members, invitee, inviter);
        rewards.reach(parties, inv, InviteRule.Stage.ENROLLED, now, program);
        rewards.finish(parties, inv, program, true);
        return InvitationView.of(inv, rewardRows.ofInvitation(inv.id), now);
    }

    /** The inviter's inviter, theirs, and so on: at most {@link InvitePolicy#MAX_CHAIN} steps. */
    private List<Long> ancestorsOf(long inviterId) {
        List<Long> chain = new ArrayList<>();
        long current = inviterId;
        for (int i = 0; i < InvitePolicy.MAX_CHAIN; i++) {
            InvitationRow up = invitations.byInvitee(current);
            if (up == null || chain.contains(up.inviterId)) {
                break;
            }
            chain.add(up.inviterId);
            current = up.inviterId;
        }
        return chain;
    }

    /** The inviter's cap counters, locked, rolled over to the current program day and month. */
    private InviteQuotaRow lockQuota(long inviterId, Instant now, Program program) {
        long day = InvitePolicy.dayStart(now, program.zone()).toEpochMilli();
        long month = InvitePolicy.monthStart(now, program.zone()).toEpochMilli();
        InviteQuotaRow q = quotas.lock(inviterId);
        if (q == null) {
            // every code creates its owner's row; only a code written by hand lacks one
            q = CreatingInvite.newQuota(inviterId, now, program);
            quotas.insert(q);
        }
        if (q.dayStart != day) {
            q.dayStart = day;
            q.dayCount = 0;
        }
        if (q.monthStart != month) {
            q.monthStart = month;
            q.monthCount = 0;
        }
        return q;
    }

    private static void refuse(Optional<InvitePolicy.Rejection> rejection) {
        if (rejection.isPresent()) {
            throw new RuleRejected(rejection.get().reason(), rejection.get().message());
        }
    }
}
