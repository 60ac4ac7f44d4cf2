package com.tierpoint.core.operator.application;

import com.tierpoint.core.operator.infrastructure.AuditMapper;
import com.tierpoint.core.operator.infrastructure.AuditRow;
import com.tierpoint.core.operator.model.AuditResult;
import com.tierpoint.core.shared.infrastructure.IdGenerator;
import com.tierpoint.core.shared.model.DomainException;
import com.tierpoint.core.shared.model.NotFound;
import com.tierpoint.core.shared.model.NotPermitted;
import com.tierpoint.core.shared.model.RuleRejected;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Appends audit entries: in the caller's transaction, or for a refusal in a transaction of its own. */
@Component
class Auditing {

    /** What to append. {@code memberId} null when none. */
    record Entry(
            String actor,
            String action,
            Long memberId,
            long amount,
            String reason,
            AuditResult result,
            String reasonCode,
            String detail) {}

    private final AuditMapper audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    Auditing(AuditMapper audit, IdGenerator ids, Clock clock, TransactionTemplate tx) {
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(tx.getTransactionManager());
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Appends in the current transaction (if any): the entry commits or rolls back with the action. */
    AuditEntryView append(Entry e, Instant at) {
        AuditRow row = new AuditRow();
        row.id = ids.nextId();
        row.at = at.toEpochMilli();
        row.actor = e.actor();
        row.action = e.action();
        row.memberId = e.memberId();
        row.amount = e.amount();
        row.reason = e.reason() == null ? "" : e.reason();
        row.result = e.result().name();
        row.reasonCode = e.reasonCode() == null ? "" : e.reasonCode();
        row.detail = e.detail() == null ? "" : e.detail();
        audit.insert(row);
        return view(row);
    }

    /**
     * Records that a rule refused the action, in a transaction of its own (the refused action's
     * own transaction has rolled back), then rethrows the refusal.
     */
    RuntimeException refused(Entry attempted, DomainException refusal) {
        String code = reasonCode(refusal);
        ownTransaction.executeWithoutResult(s -> append(
                new Entry(
                        attempted.actor(),
                        attempted.action(),
                        attempted.memberId(),
                        attempted.amount(),
                        attempted.reason(),
                        AuditResult.REFUSED,
                        code,
                        truncate(refusal.getMessage(), 1000)),
                clock.instant()));
        return refusal;
    }

    static boolean isRefusal(RuntimeException e) {
        return e instanceof RuleRejected || e instanceof NotPermitted || e instanceof NotFound;
    }

    private static String reasonCode(DomainException e) {
        if (e instanceof RuleRejected r) {
            return r.reason();
        }
        if (e instanceof NotPermitted p) {
            return p.reason();
        }
        return "NOT_FOUND";
    }

    static AuditEntryView view(AuditRow r) {
        return new AuditEntryView(
                r.id,
                Instant.ofEpochMilli(r.at),
                r.actor,
                r.action,
                r.memberId,
                r.amount,
                r.reason,
                AuditResult.valueOf(r.result),
                r.reasonCode,
                r.detail);
    }

    static String truncate(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max));
    }
}
