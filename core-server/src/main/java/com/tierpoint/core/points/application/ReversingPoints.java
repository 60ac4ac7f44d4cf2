package com.tierpoint.core.points.application;

import com.tierpoint.core.member.application.MemberChange;
import com.tierpoint.core.member.application.MemberWrites;
import com.tierpoint.core.points.infrastructure.TxnRow;
import com.tierpoint.core.shared.application.IdempotentExecutor;
import com.tierpoint.core.shared.model.InvalidArgument;
import com.tierpoint.core.shared.model.MemberId;
import com.tierpoint.core.shared.model.NotFound;
import com.tierpoint.core.shared.model.RequestKey;
import com.tierpoint.core.shared.model.RuleRejected;
import com.tierpoint.core.shared.model.Validation;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** Undoes all or part of an earlier earn or redeem; never more than the original in total. */
@Service
public class ReversingPoints {

    /** {@code points} 0 = everything not yet reversed. */
    public record Command(String memberId, String transactionId, long points, String reason, String source) {

        void validate(Validation v) {
            v.memberId(memberId, "member_id");
            v.require(MemberId.parse(transactionId) != null, "transaction_id", "must be a transaction id");
            v.require(points >= 0, "points", "must not be negative (0 = all that is left)");
            v.maxLength(reason, "reason", 128);
            v.maxLength(source, "source", 64);
        }
    }

    private final MemberWrites members;
    private final PointsLedger ledger;
    private final IdempotentExecutor idempotent;
    private final Clock clock;

    ReversingPoints(MemberWrites members, PointsLedger ledger, IdempotentExecutor idempotent, Clock clock) {
        this.members = members;
        this.ledger = ledger;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    public PointsWriteResult reverse(RequestKey key, Command c) {
        Validation v = new Validation();
        RequestKey.validate(key.idempotencyKey(), v);
        c.validate(v);
        v.throwIfInvalid();
        return idempotent.execute(key, "Reverse", c, PointsWriteResult.class, () -> {
            MemberChange change = members.begin(MemberId.of(c.memberId()), clock.instant());
            TxnRow original = ledger.transaction(MemberId.of(c.transactionId()));
            if (original == null || original.memberId != change.memberId()) {
                throw new NotFound("transaction " + c.transactionId() + " of member " + c.memberId());
            }
            boolean earn = PointsLedger.EARN.equals(original.txnType);
            if (!earn && !PointsLedger.REDEEM.equals(original.txnType)) {
                throw new RuleRejected(
                        "NOT_REVERSIBLE", "only EARN and REDEEM lines can be reversed, not " + original.txnType);
            }
            long reversible = Math.abs(original.points) - ledger.reversedOf(original.id);
            if (reversible == 0) {
                throw new RuleRejected("ALREADY_REVERSED", "transaction " + original.id + " is fully reversed");
            }
            long points = c.points() == 0 ? reversible : c.points();
            if (points > reversible) {
                throw InvalidArgument.of(
                        "points", "only " + reversible + " points of this transaction are left to reverse");
            }
            String reason = c.reason() == null || c.reason().isBlank() ? (earn ? "积分撤回" : "积分退回") : c.reason();
            PointsLedger.Reversal r = earn
                    ? ledger.reverseEarn(change, original, points, reason, c.source(), false)
                    : ledger.reverseRedeem(change, original, points, reason, c.source());
            members.commit(change);
            return new PointsWriteResult(r.transaction(), ledger.balance(change));
        });
    }
}
