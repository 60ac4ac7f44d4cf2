package com.tierpoint.core.points.application;

import com.tierpoint.core.member.application.MemberChange;
import com.tierpoint.core.member.application.MemberWrites;
import com.tierpoint.core.shared.application.BulkWrite;
import com.tierpoint.core.shared.application.IdempotentExecutor;
import com.tierpoint.core.shared.infrastructure.RoundTrip;
import com.tierpoint.core.shared.model.MemberId;
import com.tierpoint.core.shared.model.NotFound;
import com.tierpoint.core.shared.model.RequestKey;
import com.tierpoint.core.shared.model.Validation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    private final BulkWrite<Command, PointsWriteResult> together = this::redeemAll;

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
        return idempotent.executeBulk(memberId, key, "Redeem", c, PointsWriteResult.class, together, () -> {
            MemberChange change = members.begin(memberId, clock.instant());
            TransactionView txn = ledger.debit(change, c.points(), c.reason(), c.source());
            members.commit(change);
            return new PointsWriteResult(txn, ledger.balance(change));
        });
    }

    /**
     * The redeems of a batch, written together: see {@link PointsLedger#debitAll}. Many redeems of
     * one member (a hot account) cost one lock, one read of its lots and one draw per lot.
     */
    private List<BulkWrite.Answer<PointsWriteResult>> redeemAll(List<Command> commands, RoundTrip writes) {
        Instant now = clock.instant();
        List<Long> ids = commands.stream().map(c -> MemberId.of(c.memberId())).toList();
        PointsLedger.Opened batch = ledger.openAll(ids, now);
        List<MemberChange> opened = batch.changes();
        List<BulkWrite.Answer<PointsWriteResult>> answers = new ArrayList<>(commands.size());
        List<PointsLedger.Spend> spends = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            if (opened.get(i) == null) {
                answers.add(BulkWrite.Answer.refused(new NotFound("member " + ids.get(i))));
                continue;
            }
            answers.add(null);
            Command c = commands.get(i);
            spends.add(new PointsLedger.Spend(opened.get(i), c.points(), c.reason(), c.source()));
        }
        List<PointsLedger.Spent> spent = ledger.debitAll(spends, batch.lots(), writes);
        List<MemberChange> changes = new ArrayList<>(spends.size());
        int next = 0;
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i) != null) {
                continue;
            }
            PointsLedger.Spent s = spent.get(next);
            if (s.refusal() != null) {
                answers.set(i, BulkWrite.Answer.refused(s.refusal()));
            } else {
                changes.add(spends.get(next).change());
                answers.set(i, BulkWrite.Answer.of(new PointsWriteResult(s.transaction(), s.balance())));
            }
            next++;
        }
        members.commitPointsChanges(changes, writes);
        return answers;
    }
}
