package com.tierpoint.core.jobs.application;

import com.tierpoint.core.events.EventType;
import com.tierpoint.core.jobs.infrastructure.JobQueries;
import com.tierpoint.core.member.application.MemberChange;
import com.tierpoint.core.member.application.MemberWrites;
import com.tierpoint.core.points.application.GrowthLedger;
import com.tierpoint.core.points.application.PointsLedger;
import com.tierpoint.core.points.application.TransactionView;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.program.model.BirthdayGift;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.core.tier.application.RecalculatingTier;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Grants the program's birthday gift (生日礼) to members in their birthday month, once per
 * calendar year: the (member, year) key is written in the same transaction as the grant.
 */
@Component
class BirthdayGiftJob implements ScheduledJob {

    static final String NAME = "birthday-gift";

    private final JobQueries queries;
    private final MemberSweep sweep;
    private final MemberWrites members;
    private final PointsLedger ledger;
    private final GrowthLedger growth;
    private final RecalculatingTier tiers;
    private final ProgramStore programs;

    BirthdayGiftJob(
            JobQueries queries,
            MemberSweep sweep,
            MemberWrites members,
            PointsLedger ledger,
            GrowthLedger growth,
            RecalculatingTier tiers,
            ProgramStore programs) {
        this.queries = queries;
        this.sweep = sweep;
        this.members = members;
        this.ledger = ledger;
        this.growth = growth;
        this.tiers = tiers;
        this.programs = programs;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration defaultInterval() {
        return Duration.ofMinutes(30);
    }

    @Override
    public JobRun run(Instant now, int budget) {
        Program program = programs.current();
        if (program.birthdayGift().isNone()) {
            return JobRun.nothing();
        }
        ZonedDateTime local = now.atZone(program.zone());
        int month = local.getMonthValue();
        int year = local.getYear();
        return sweep.sweep(
                NAME,
                (after, limit) -> queries.membersAwaitingBirthdayGift(month, year, after, limit),
                memberId -> grant(memberId, now, month, year, program),
                budget);
    }

    private boolean grant(long memberId, Instant now, int month, int year, Program program) {
        MemberChange change = members.begin(memberId, now);
        if (!Integer.valueOf(month).equals(change.member().birthMonth)
                || queries.birthdayGiftGiven(memberId, year) > 0) {
            return false;
        }
        BirthdayGift gift = program.birthdayGift();
        String reason = "生日礼 " + year;
        Long txnId = null;
        if (gift.points() > 0) {
            TransactionView txn = ledger.credit(change, gift.points(), reason, "birthday", null, now, program);
            txnId = txn.transactionId();
        }
        if (gift.growth() > 0) {
            growth.change(change, gift.growth(), reason, "birthday", null);
        }
        queries.recordBirthdayGift(memberId, year, txnId, now.toEpochMilli());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("year", year);
        p.put("points", gift.points());
        p.put("growth", gift.growth());
        p.put("transaction_id", txnId == null ? null : String.valueOf(txnId));
        change.emit(EventType.BIRTHDAY_GRANTED, p);
        tiers.upgradeIfEarned(change, program, Map.of());
        members.commit(change);
        return true;
    }
}
