package com.tierpoint.core.points.application;

import com.tierpoint.core.member.application.MemberChange;
import com.tierpoint.core.member.application.MemberWrites;
import com.tierpoint.core.shared.application.IdempotentExecutor;
import com.tierpoint.core.shared.model.MemberId;
import com.tierpoint.core.shared.model.RequestKey;
import com.tierpoint.core.shared.model.Validation;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * Spends points. The member row lock serialises redeems of one member, and every lot moves
 * through a guarded update, so no interleaving can overdraw.
 */
@Service
public class RedeemingPoints {

    public record Command(String memberId, long points, String reason, String source) {

        void validate(Validation v) {
            v.memberId(memberId, "member_id");
            v.positive(points, "points");
            v.require(
                    points <= EarningPoints.MAX_POINTS_PER_CALL,
                    "points",
                    "must be at most " + EarningPoints.MAX_POINTS_PER_CALL);
            v.notBlank(reason, "reason", 128);
            v.maxLength(source, "source", 64);
        }
    }

    private final MemberWrites members;
    private final PointsLedger ledger;
    private final IdempotentExecutor idempotent;
    private final Clock clock;

    RedeemingPoints(MemberWrites members, PointsLedger ledger, IdempotentExecutor idempotent, Clock clock) {
        this.members = members;
        this.ledger = ledger;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    public PointsWriteResult redeem(RequestKey key, Command c) {
        Validation v = new Validation();
        RequestKey.validate(key.idempotencyKey(), v);
        c.validate(v);
        v.throwIfInvalid();
        long memberId = MemberId.of(c.memberId());
        return idempotent.executeGrouped(memberId, key, "Redeem", c, PointsWriteResult.class, () -> {
            MemberChange change = members.begin(memberId, clock.instant());
            TransactionView txn = ledger.debit(change, c.points(), c.reason(), c.source());
            members.commit(change);
            return new PointsWriteResult(txn, ledger.balance(change));
        });
    }
}
