package com.tierpoint.core.operator.application;

import com.tierpoint.core.operator.infrastructure.OperatorMapper;
import com.tierpoint.core.operator.infrastructure.OperatorRow;
import com.tierpoint.core.operator.model.AuditResult;
import com.tierpoint.core.operator.model.Operator;
import com.tierpoint.core.operator.model.OperatorPolicy;
import com.tierpoint.core.operator.model.OperatorRole;
import com.tierpoint.core.operator.model.Rejection;
import com.tierpoint.core.shared.application.IdempotentExecutor;
import com.tierpoint.core.shared.model.NotPermitted;
import com.tierpoint.core.shared.model.RequestKey;
import com.tierpoint.core.shared.model.RuleRejected;
import com.tierpoint.core.shared.model.StaleVersion;
import com.tierpoint.core.shared.model.Validation;
import java.time.Clock;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * SetOperator: an active admin creates or replaces an operator. The actor's and the target's rows
 * are locked, and with them every active admin's when the change could remove one, so two admins
 * demoting each other can never leave the program without one.
 */
@Service
public class SettingOperator {

    public static final long MAX_CAP = 100_000_000L;
    static final String ACTION = "operator.set";

    /** @param dailyGrantCap null = unchanged (existing operator) or the configured default (new one) */
    public record Command(
            String actorUserId, String userId, String name, OperatorRole role, Long dailyGrantCap, boolean active) {

        void validate(Validation v) {
            OperatorIds.validate(actorUserId, "actor_user_id", v);
            OperatorIds.validate(userId, "user_id", v);
            v.maxLength(name, "name", 64);
            v.require(role != null, "role", "is required (VIEWER, OPERATOR or ADMIN)");
            v.require(
                    dailyGrantCap == null || (dailyGrantCap >= 0 && dailyGrantCap <= MAX_CAP),
                    "daily_grant_cap",
                    "must be 0 to " + MAX_CAP);
        }

        String detail() {
            return "user_id=" + userId + " role=" + role + " active=" + active
                    + (dailyGrantCap == null ? "" : " daily_grant_cap=" + dailyGrantCap);
        }
    }

    public record Result(OperatorView operator, boolean created, long auditId) {}

    private final OperatorMapper operators;
    private final ReadingOperators reading;
    private final Auditing auditing;
    private final IdempotentExecutor idempotent;
    private final OperatorsProperties properties;
    private final Clock clock;

    SettingOperator(
            OperatorMapper operators,
            ReadingOperators reading,
            Auditing auditing,
            IdempotentExecutor idempotent,
            OperatorsProperties properties,
            Clock clock) {
        this.operators = operators;
        this.reading = reading;
        this.auditing = auditing;
        this.idempotent = idempotent;
        this.properties = properties;
        this.clock = clock;
    }

    public Result set(RequestKey key, Command c) {
        Validation v = new Validation();
        RequestKey.validate(key.idempotencyKey(), v);
        c.validate(v);
        v.throwIfInvalid();
        Auditing.Entry attempt =
                new Auditing.Entry(c.actorUserId(), ACTION, null, 0, "", AuditResult.OK, "", c.detail());
        try {
            return idempotent.execute(key, "SetOperator", c, Result.class, () -> apply(c, attempt));
        } catch (RuntimeException e) {
            if (Auditing.isRefusal(e)) {
                throw auditing.refused(attempt, (com.tierpoint.core.shared.model.DomainException) e);
            }
            throw e;
        }
    }

    private Result apply(Command c, Auditing.Entry attempt) {
        Instant now = clock.instant();
        Operator actor = OperatorRow.toOperatorOrNull(operators.lock(c.actorUserId()));
        OperatorPolicy.mayManageOperators(c.actorUserId(), actor).ifPresent(SettingOperator::refuse);
        Operator target =
                c.userId().equals(c.actorUserId()) ? actor : OperatorRow.toOperatorOrNull(operators.lock(c.userId()));
        if (target != null && target.isActiveAdmin() && (c.role() != OperatorRole.ADMIN || !c.active())) {
            int admins = operators.lockActiveAdmins().size();
            OperatorPolicy.keepsAnActiveAdmin(target, c.role(), c.active(), admins)
                    .ifPresent(SettingOperator::refuse);
        }
        OperatorRow row = new OperatorRow();
        row.userId = c.userId();
        row.name = c.name() == null ? "" : c.name();
        row.role = c.role().name();
        row.active = c.active();
        row.updatedAt = now.toEpochMilli();
        boolean created = target == null;
        if (created) {
            row.dailyGrantCap = c.dailyGrantCap() == null ? properties.defaultDailyGrantCap() : c.dailyGrantCap();
            row.createdAt = now.toEpochMilli();
            try {
                operators.create(row);
            } catch (DuplicateKeyException e) {
                // created meanwhile by a request that found it absent too: this one saw a stale state
                throw new StaleVersion("operator " + c.userId() + " was created concurrently; retry");
            }
        } else {
            row.dailyGrantCap = c.dailyGrantCap() == null ? target.dailyGrantCap() : c.dailyGrantCap();
            row.createdAt = target.createdAt().toEpochMilli();
            operators.replace(row);
        }
        AuditEntryView audit = auditing.append(attempt, now);
        return new Result(
                reading.view(row.toOperator(), ReadingOperators.day(now, reading.zone())), created, audit.auditId());
    }

    static void refuse(Rejection r) {
        if (r.denied()) {
            throw new NotPermitted(r.reason(), r.message());
        }
        throw new RuleRejected(r.reason(), r.message(), r.metadata());
    }
}
