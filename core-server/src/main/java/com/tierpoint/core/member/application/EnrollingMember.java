package com.tierpoint.core.member.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.tierpoint.core.events.EventType;
import com.tierpoint.core.events.Outbox;
import com.tierpoint.core.member.infrastructure.MemberMapper;
import com.tierpoint.core.member.infrastructure.MemberRow;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.core.program.model.TierDefinition;
import com.tierpoint.core.shared.application.IdempotentExecutor;
import com.tierpoint.core.shared.infrastructure.IdGenerator;
import com.tierpoint.core.shared.model.RequestKey;
import com.tierpoint.core.shared.model.Validation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Enrolls a WeChat user into the entry tier. Idempotent by identity: the unique key on
 * (app_id, openid) decides, so two racing enrollments of one user make one member.
 */
@Service
public class EnrollingMember {

    /**
     * @param inviteCode optional: accepted for the member in the same transaction (left out of the
     *     request fingerprint when absent, so enrollments without one hash as they always did)
     */
    public record Command(
            String appId,
            String openid,
            String unionid,
            String nickname,
            String birthday,
            @JsonInclude(JsonInclude.Include.NON_NULL) String inviteCode) {

        public Command(String appId, String openid, String unionid, String nickname, String birthday) {
            this(appId, openid, unionid, nickname, birthday, null);
        }

        void validate(LocalDate today, Validation v) {
            v.notBlank(appId, "identity.app_id", 64);
            v.notBlank(openid, "identity.openid", 128);
            v.maxLength(unionid, "identity.unionid", 128);
            v.maxLength(nickname, "nickname", 64);
            v.require(
                    inviteCode == null || inviteCode.isEmpty() || inviteCode.matches("[\\x21-\\x7E]{1,32}"),
                    "invite_code",
                    "must be at most 32 visible ASCII characters");
            if (birthday != null && !birthday.isEmpty()) {
                try {
                    LocalDate d = LocalDate.parse(birthday);
                    v.require(!d.isAfter(today) && d.getYear() >= 1900, "birthday", "must be a past date");
                } catch (DateTimeParseException e) {
                    v.require(false, "birthday", "must be an ISO date YYYY-MM-DD");
                }
            }
        }
    }

    /**
     * @param invitationId the invitation the invite code made, when one was sent and accepted
     * @param inviteRejectionReason why the invite code was refused, when one was sent and refused
     */
    public record Result(long memberId, boolean created, String invitationId, String inviteRejectionReason) {

        public Result(long memberId, boolean created) {
            this(memberId, created, null, null);
        }
    }

    private final MemberMapper members;
    private final ProgramStore programs;
    private final IdempotentExecutor idempotent;
    private final IdGenerator ids;
    private final Outbox outbox;
    private final Clock clock;
    private final InviteOnEnrollment invites;

    EnrollingMember(
            MemberMapper members,
            ProgramStore programs,
            IdempotentExecutor idempotent,
            IdGenerator ids,
            Outbox outbox,
            Clock clock,
            InviteOnEnrollment invites) {
        this.members = members;
        this.programs = programs;
        this.idempotent = idempotent;
        this.ids = ids;
        this.outbox = outbox;
        this.clock = clock;
        this.invites = invites;
    }

    public Result enroll(RequestKey key, Command command) {
        Program program = programs.current();
        Validation v = new Validation();
        RequestKey.validate(key.idempotencyKey(), v);
        command.validate(clock.instant().atZone(program.zone()).toLocalDate(), v);
        v.throwIfInvalid();
        Command normalized = new Command(
                command.appId(),
                command.openid(),
                blankToNull(command.unionid()),
                blankToNull(command.nickname()),
                blankToNull(command.birthday()),
                blankToNull(command.inviteCode()));
        return idempotent.execute(
                key, "EnrollMember", normalized, Result.class, () -> enrollAndAccept(normalized, program));
    }

    private Result enrollAndAccept(Command c, Program program) {
        Result enrolled = insertOrFind(c, program);
        if (c.inviteCode() == null) {
            return enrolled;
        }
        InviteOnEnrollment.Outcome invite = invites.accept(enrolled.memberId(), c.inviteCode(), program);
        return new Result(enrolled.memberId(), enrolled.created(), invite.invitationId(), invite.rejectionReason());
    }

    private Result insertOrFind(Command c, Program program) {
        Instant now = clock.instant();
        TierDefinition entry = program.entryTier();
        MemberRow row = new MemberRow();
        row.id = ids.nextId();
        row.appId = c.appId();
        row.openid = c.openid();
        row.unionid = c.unionid();
        row.nickname = c.nickname();
        row.birthday = c.birthday();
        row.birthMonth =
                c.birthday() == null ? null : LocalDate.parse(c.birthday()).getMonthValue();
        row.tierCode = entry.code();
        row.tierSince = now.toEpochMilli();
        Instant validUntil = entry.validUntil(now, program.zone());
        row.tierValidUntil = validUntil == null ? null : validUntil.toEpochMilli();
        row.pointsBalance = 0L;
        row.growthValue = 0L;
        row.totalSpendFen = 0L;
        row.orderCount = 0L;
        row.validInvites = 0L;
        row.version = 1L;
        row.enrolledAt = now.toEpochMilli();
        row.updatedAt = now.toEpochMilli();
        try {
            members.insert(row);
        } catch (DuplicateKeyException alreadyEnrolled) {
            // a plain read: this transaction has read nothing yet, so it sees the committed row;
            // an exclusive lock here would deadlock racing enrollments (each holds a shared lock
            // on the unique key after its failed insert)
            MemberRow existing = members.findByIdentity(c.appId(), c.openid());
            return new Result(existing.id, false);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("member_id", String.valueOf(row.id));
        payload.put("app_id", row.appId);
        payload.put("tier", row.tierCode);
        outbox.append(row.id, row.version, EventType.MEMBER_ENROLLED, now, payload);
        return new Result(row.id, true);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
