package com.tierpoint.core.operator.application;

import com.tierpoint.core.member.application.MemberChange;
import com.tierpoint.core.member.application.MemberWrites;
import com.tierpoint.core.operator.infrastructure.GrantDayMapper;
import com.tierpoint.core.operator.infrastructure.OperatorMapper;
import com.tierpoint.core.operator.infrastructure.OperatorRow;
import com.tierpoint.core.operator.model.AuditResult;
import com.tierpoint.core.operator.model.Operator;
import com.tierpoint.core.operator.model.OperatorPolicy;
import com.tierpoint.core.points.application.EarningPoints;
import com.tierpoint.core.points.application.PointsLedger;
import com.tierpoint.core.points.application.TransactionView;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.core.shared.application.IdempotentExecutor;
import com.tierpoint.core.shared.model.DomainException;
import com.tierpoint.core.shared.model.MemberId;
import com.tierpoint.core.shared.model.RequestKey;
import com.tierpoint.core.shared.model.Validation;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * AdjustPoints: an operator grants (EARN) or deducts (REDEEM) a member's points, source
 * {@code operator}, within their daily cap. One transaction holds the operator's row lock (so two
 * adjustments of one operator cannot both squeeze under the cap), the member's row lock, the
 * ledger line, the day's cap accounting and the audit entry. A refusal rolls all of that back
 * and is audited in a transaction of its own.
 */
@Service
public class AdjustingPoints {

    public static final String SOURCE = "operator";
    static final String ACTION = "points.adjust";

    public record Command(String actorUserId, String memberId, long amount, String reason) {

        void validate(Validation v) {
            OperatorIds.validate(actorUserId, "actor_user_id", v);
            v.memberId(memberId, "member_id");
            v.require(amount != 0, "amount", "must not be 0 (> 0 grants, < 0 deducts)");
            v.require(
                    Math.abs(amount) <= EarningPoints.MAX_POINTS_PER_CALL && amount != Long.MIN_VALUE,
                    "amount",
                    "must be at most " + EarningPoints.MAX_POINTS_PER_CALL + " either way");
            v.notBlank(reason, "reason", 200);
        }
    }

    public record Result(
            TransactionView transaction,
            long pointsAvailable,
            long grantedToday,
            long remainingToday,
            long dailyGrantCap,
            long auditId) {}

    private final OperatorMapper operators;
    private final GrantDayMapper grantDays;
    private final MemberWrites members;
    private final PointsLedger ledger;
    private final ProgramStore programs;
    private final Auditing auditing;
    private final IdempotentExecutor idempotent;
    private final Clock clock;

    AdjustingPoints(
            OperatorMapper operators,
            GrantDayMapper grantDays,
            MemberWrites members,
            PointsLedger ledger,
            ProgramStore programs,
            Auditing auditing,
            IdempotentExecutor idempotent,
            Clock clock) {
        this.operators = operators;
        this.grantDays = grantDays;
        this.members = members;
        this.ledger = ledger;
        this.programs = programs;
        this.auditing = auditing;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    public Result adjust(RequestKey key, Command c) {
        Validation v = new Validation();
        RequestKey.validate(key.idempotencyKey(), v);
        c.validate(v);
        v.throwIfInvalid();
        Program program = programs.current();
        Auditing.Entry attempt = new Auditing.Entry(
                c.actorUserId(), ACTION, MemberId.of(c.memberId()), c.amount(), c.reason(), AuditResult.OK, "", "");
        try {
            return idempotent.execute(key, "AdjustPoints", c, Result.class, () -> apply(c, program, attempt));
        } catch (RuntimeException e) {
            if (Auditing.isRefusal(e)) {
                throw auditing.refused(attempt, (DomainException) e);
            }
            throw e;
        }
    }

    private Result apply(Command c, Program program, Auditing.Entry attempt) {
        Instant now = clock.instant();
        String day = ReadingOperators.day(now, program.zone());
        Operator actor = OperatorRow.toOperatorOrNull(operators.lock(c.actorUserId()));
        OperatorPolicy.mayAdjustPoints(c.actorUserId(), actor).ifPresent(SettingOperator::refuse);
        Long usedSoFar = grantDays.used(actor.userId(), day);
        long used = usedSoFar == null ? 0 : usedSoFar;
        OperatorPolicy.withinDailyCap(actor.dailyGrantCap(), used, c.amount()).ifPresent(SettingOperator::refuse);
        MemberChange change = members.begin(MemberId.of(c.memberId()), now);
        TransactionView txn = c.amount() > 0
                ? ledger.credit(change, c.amount(), c.reason(), SOURCE, null, now, program)
                : ledger.debit(change, -c.amount(), c.reason(), SOURCE);
        members.commit(change);
        long moved = Math.abs(c.amount());
        grantDays.add(actor.userId(), day, moved);
        AuditEntryView audit = auditing.append(
                new Auditing.Entry(
                        attempt.actor(),
                        ACTION,
                        attempt.memberId(),
                        c.amount(),
                        c.reason(),
                        AuditResult.OK,
                        "",
                        "transaction_id=" + txn.transactionId()),
                now);
        long usedNow = used + moved;
        return new Result(
                txn,
                ledger.balance(change).available(),
                usedNow,
                OperatorPolicy.remaining(actor.dailyGrantCap(), usedNow),
                actor.dailyGrantCap(),
                audit.auditId());
    }
}
