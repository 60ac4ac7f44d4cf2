package com.tierpoint.core.jobs.application;

import com.tierpoint.core.jobs.infrastructure.JobLeaseMapper;
import com.tierpoint.core.jobs.infrastructure.JobQueries;
import com.tierpoint.core.member.application.MemberChange;
import com.tierpoint.core.member.application.MemberWrites;
import com.tierpoint.core.points.application.PointsLedger;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Expires due points, lot-exactly, for members no write has touched since their lots fell due
 * (writes expire on touch, ADR 0005). Lots that expired at or before the job's watermark are all
 * settled; a complete run moves the watermark to its start, so later runs only look at lots
 * that fell due since. An incomplete run leaves it, and the next run picks up the rest.
 */
@Component
class PointsExpiryJob implements ScheduledJob {

    static final String NAME = "points-expiry";

    private final JobQueries queries;
    private final JobLeaseMapper leases;
    private final MemberSweep sweep;
    private final MemberWrites members;
    private final PointsLedger ledger;

    PointsExpiryJob(
            JobQueries queries, JobLeaseMapper leases, MemberSweep sweep, MemberWrites members, PointsLedger ledger) {
        this.queries = queries;
        this.leases = leases;
        this.sweep = sweep;
        this.members = members;
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration defaultInterval() {
        return Duration.ofMinutes(1);
    }

    @Override
    public JobRun run(Instant now, int budget) {
        Long stored = leases.cursor(NAME);
        long settledUpTo = stored == null ? 0 : stored;
        long upTo = now.toEpochMilli();
        JobRun run = sweep.sweep(
                NAME,
                (after, limit) -> queries.membersWithLotsExpiring(settledUpTo, upTo, after, limit),
                memberId -> expire(memberId, now),
                budget);
        if (run.complete()) {
            leases.advanceCursor(NAME, upTo);
        }
        return run;
    }

    private boolean expire(long memberId, Instant now) {
        MemberChange change = members.begin(memberId, now);
        long before = change.member().pointsBalance;
        ledger.expireDue(change);
        if (change.member().pointsBalance == before) {
            return false;
        }
        members.commit(change);
        return true;
    }
}
