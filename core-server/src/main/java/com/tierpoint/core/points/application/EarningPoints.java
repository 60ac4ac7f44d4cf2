package com.tierpoint.core.points.application;

import com.tierpoint.core.member.application.MemberChange;
import com.tierpoint.core.member.application.MemberWrites;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.core.shared.application.IdempotentExecutor;
import com.tierpoint.core.shared.model.MemberId;
import com.tierpoint.core.shared.model.RequestKey;
import com.tierpoint.core.shared.model.Validation;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** Grants points outside orders (reviews, surveys, goodwill): a new lot, available at once. */
@Service
public class EarningPoints {

    public static final long MAX_POINTS_PER_CALL = 100_000_000L;

    public record Command(String memberId, long points, String reason, String source) {

        void validate(Validation v) {
            v.memberId(memberId, "member_id");
            v.positive(points, "points");
            v.require(points <= MAX_POINTS_PER_CALL, "points", "must be at most " + MAX_POINTS_PER_CALL);
            v.notBlank(reason, "reason", 128);
            v.maxLength(source, "source", 64);
        }
    }

    private final MemberWrites members;
    private final PointsLedger ledger;
    private final ProgramStore programs;
    private final IdempotentExecutor idempotent;
    private final Clock clock;

    EarningPoints(
            MemberWrites members,
            PointsLedger ledger,
            ProgramStore programs,
            IdempotentExecutor idempotent,
            Clock clock) {
        this.members = members;
        this.ledger = ledger;
        this.programs = programs;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    public PointsWriteResult earn(RequestKey key, Command c) {
        Validation v = new Validation();
        RequestKey.validate(key.idempotencyKey(), v);
        c.validate(v);
        v.throwIfInvalid();
        Program program = programs.current();
        long memberId = MemberId.of(c.memberId());
        return idempotent.executeGrouped(memberId, key, "Earn", c, PointsWriteResult.class, () -> {
            MemberChange change = members.begin(memberId, clock.instant());
            TransactionView txn =
                    ledger.credit(change, c.points(), c.reason(), c.source(), null, change.now(), program);
            members.commit(change);
            return new PointsWriteResult(txn, ledger.balance(change));
        });
    }
}
