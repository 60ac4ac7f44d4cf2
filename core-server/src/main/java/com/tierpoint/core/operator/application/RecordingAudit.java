package com.tierpoint.core.operator.application;

import com.tierpoint.core.operator.model.AuditResult;
import com.tierpoint.core.shared.application.IdempotentExecutor;
import com.tierpoint.core.shared.model.MemberId;
import com.tierpoint.core.shared.model.RequestKey;
import com.tierpoint.core.shared.model.Validation;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** RecordAudit: the console audits what it did itself (logins, lookups, broadcasts). */
@Service
public class RecordingAudit {

    /** @param memberId empty or null when none; result null when not given */
    public record Command(
            String actorUserId,
            String action,
            String memberId,
            long amount,
            String reason,
            AuditResult result,
            String detail,
            String reasonCode) {

        void validate(Validation v) {
            OperatorIds.validate(actorUserId, "actor_user_id", v);
            v.require(
                    action != null && action.matches("[a-z0-9._\\-]{1,64}"),
                    "action",
                    "must be 1 to 64 characters of a-z 0-9 . _ -");
            if (memberId != null && !memberId.isEmpty()) {
                v.memberId(memberId, "member_id");
            }
            v.maxLength(reason, "reason", 200);
            v.require(result != null, "result", "is required (OK, REFUSED or FAILED)");
            v.maxLength(detail, "detail", 1000);
            v.require(
                    reasonCode == null || reasonCode.matches("[A-Z0-9_]{0,64}"),
                    "reason_code",
                    "must be at most 64 characters of A-Z 0-9 _");
        }
    }

    private final Auditing auditing;
    private final IdempotentExecutor idempotent;
    private final TransactionTemplate tx;
    private final Clock clock;

    RecordingAudit(Auditing auditing, IdempotentExecutor idempotent, TransactionTemplate tx, Clock clock) {
        this.auditing = auditing;
        this.idempotent = idempotent;
        this.tx = tx;
        this.clock = clock;
    }

    /** @param key its idempotency key may be empty: then every call appends */
    public AuditEntryView record(RequestKey key, Command c) {
        Validation v = new Validation();
        if (key.idempotencyKey() != null && !key.idempotencyKey().isEmpty()) {
            RequestKey.validate(key.idempotencyKey(), v);
        }
        c.validate(v);
        v.throwIfInvalid();
        Auditing.Entry entry = new Auditing.Entry(
                c.actorUserId(),
                c.action(),
                c.memberId() == null || c.memberId().isEmpty() ? null : MemberId.of(c.memberId()),
                c.amount(),
                c.reason(),
                c.result(),
                c.reasonCode(),
                c.detail());
        if (key.idempotencyKey() == null || key.idempotencyKey().isEmpty()) {
            return tx.execute(s -> auditing.append(entry, clock.instant()));
        }
        return idempotent.execute(
                key, "RecordAudit", c, AuditEntryView.class, () -> auditing.append(entry, clock.instant()));
    }
}
