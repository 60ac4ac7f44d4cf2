package com.tierpoint.core.points.application;

import com.tierpoint.core.member.application.MemberChange;
import com.tierpoint.core.member.application.MemberWrites;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.program.model.Program;
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
    private final BulkWrite<Command, PointsWriteResult> together = this::earnAll;

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
        return idempotent.executeBulk(memberId, key, "Earn", c, PointsWriteResult.class, together, () -> {
            MemberChange change = members.begin(memberId, clock.instant());
            TransactionView txn =
                    ledger.credit(change, c.points(), c.reason(), c.source(), null, change.now(), program);
            members.commit(change);
            return new PointsWriteResult(txn, ledger.balance(change));
        });
    }

    /** The earns of a batch, written together: see {@link PointsLedger#creditAll}. */
    private List<BulkWrite.Answer<PointsWriteResult>> earnAll(List<Command> commands, RoundTrip writes) {
        Program program = programs.current();
        Instant now = clock.instant();
        List<Long> ids = commands.stream().map(c -> MemberId.of(c.memberId())).toList();
        PointsLedger.Opened batch = ledger.openAll(ids, now);
        List<MemberChange> opened = batch.changes();
        List<BulkWrite.Answer<PointsWriteResult>> answers = new ArrayList<>(commands.size());
        List<PointsLedger.Grant> grants = new ArrayList<>(commands.size());
        List<MemberChange> changes = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            MemberChange change = opened.get(i);
            if (change == null) {
                answers.add(BulkWrite.Answer.refused(new NotFound("member " + ids.get(i))));
                continue;
            }
            answers.add(null);
            changes.add(change);
            Command c = commands.get(i);
            grants.add(new PointsLedger.Grant(change, c.points(), c.reason(), c.source()));
        }
        List<PointsLedger.Granted> granted = ledger.creditAll(grants, program, batch.lots(), writes);
        members.commitPointsChanges(changes, writes);
        int next = 0;
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i) == null) {
                PointsLedger.Granted g = granted.get(next++);
                answers.set(i, BulkWrite.Answer.of(new PointsWriteResult(g.transaction(), g.balance())));
            }
        }
        return answers;
    }
}
