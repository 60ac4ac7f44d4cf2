package com.tierpoint.core.invite.application;

import com.tierpoint.core.events.EventType;
import com.tierpoint.core.events.Outbox;
import com.tierpoint.core.invite.infrastructure.InviteCodeMapper;
import com.tierpoint.core.invite.infrastructure.InviteCodeRow;
import com.tierpoint.core.invite.infrastructure.InviteQuotaMapper;
import com.tierpoint.core.invite.infrastructure.InviteQuotaRow;
import com.tierpoint.core.invite.model.InviteCode;
import com.tierpoint.core.invite.model.InvitePolicy;
import com.tierpoint.core.member.application.MemberWrites;
import com.tierpoint.core.member.infrastructure.MemberRow;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.program.model.InviteRule;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.core.shared.application.IdempotentExecutor;
import com.tierpoint.core.shared.model.MemberId;
import com.tierpoint.core.shared.model.RequestKey;
import com.tierpoint.core.shared.model.RuleRejected;
import com.tierpoint.core.shared.model.Validation;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Gives a member a code to share. Under the member's lock, so two concurrent calls agree: the
 * newest code is reused while at least half of its validity remains, otherwise a new random code
 * is stored (its primary key guarantees uniqueness; a collision just draws again).
 */
@Service
public class CreatingInvite {

    static final int MAX_DRAWS = 5;

    public record Command(String memberId) {

        void validate(Validation v) {
            v.memberId(memberId, "member_id");
        }
    }

    private final MemberWrites members;
    private final InviteCodeMapper codes;
    private final InviteQuotaMapper quotas;
    private final ProgramStore programs;
    private final IdempotentExecutor idempotent;
    private final Outbox outbox;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CreatingInvite(
            MemberWrites members,
            InviteCodeMapper codes,
            InviteQuotaMapper quotas,
            ProgramStore programs,
            IdempotentExecutor idempotent,
            Outbox outbox,
            Clock clock) {
        this.outbox = outbox;
        this.members = members;
        this.codes = codes;
        this.quotas = quotas;
        this.programs = programs;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    public InviteView create(RequestKey key, Command c) {
        Validation v = new Validation();
        RequestKey.validate(key.idempotencyKey(), v);
        c.validate(v);
        v.throwIfInvalid();
        Program program = programs.current();
        return idempotent.execute(
                key, "CreateInvite", c, InviteView.class, () -> codeFor(MemberId.of(c.memberId()), program));
    }

    private InviteView codeFor(long memberId, Program program) {
        InviteRule rule = program.invites();
        InvitePolicy.invitesEnabled(rule).ifPresent(r -> {
            throw new RuleRejected(r.reason(), r.message());
        });
        Instant now = clock.instant();
        MemberRow inviter = members.lock(memberId);
        InviteCodeRow active = codes.activeOf(memberId, now.toEpochMilli());
        if (active != null
                && active.expiresAt - now.toEpochMilli() >= rule.codeValidity().toMillis() / 2) {
            return view(active);
        }
        if (quotas.selectById(memberId) == null) {
            quotas.insert(newQuota(memberId, now, program));
        }
        InviteCodeRow row = new InviteCodeRow();
        row.inviterId = memberId;
        row.createdAt = now.toEpochMilli();
        row.expiresAt = now.plus(rule.codeValidity()).toEpochMilli();
        for (int draw = 1; ; draw++) {
            row.code = InviteCode.generate(random);
            try {
                codes.insert(row);
                // the member row does not change: the event carries the member's current version
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("member_id", String.valueOf(memberId));
                payload.put("occurred_at", now.toString());
                payload.put("code", row.code);
                payload.put("expires_at", Instant.ofEpochMilli(row.expiresAt).toString());
                outbox.append(memberId, inviter.version, EventType.INVITE_CREATED, now, payload);
                return view(row);
            } catch (DuplicateKeyException taken) {
                if (draw == MAX_DRAWS) {
                    throw new IllegalStateException("no free invite code after " + MAX_DRAWS + " draws", taken);
                }
            }
        }
    }

    static InviteQuotaRow newQuota(long inviterId, Instant now, Program program) {
        InviteQuotaRow q = new InviteQuotaRow();
        q.inviterId = inviterId;
        q.dayStart = InvitePolicy.dayStart(now, program.zone()).toEpochMilli();
        q.dayCount = 0;
        q.monthStart = InvitePolicy.monthStart(now, program.zone()).toEpochMilli();
        q.monthCount = 0;
        return q;
    }

    private static InviteView view(InviteCodeRow r) {
        return new InviteView(
                r.code, r.inviterId, Instant.ofEpochMilli(r.createdAt), Instant.ofEpochMilli(r.expiresAt));
    }
}
