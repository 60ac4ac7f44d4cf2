package com.tierpoint.core.jobs.application;

import com.tierpoint.core.events.EventType;
import com.tierpoint.core.jobs.infrastructure.JobQueries;
import com.tierpoint.core.member.application.MemberChange;
import com.tierpoint.core.member.application.MemberWrites;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.core.tier.application.RecalculatingTier;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * At the end of a tier's validity (保级): renews the tier for members who met its retention rule
 * and drops the others per the program's rule. A processed member's validity moves into the
 * future, so they are no longer a candidate: a second run, here or on another instance, finds
 * nothing to do for them.
 */
@Component
class TierRetentionJob implements ScheduledJob {

    static final String NAME = "tier-retention";

    private final JobQueries queries;
    private final MemberSweep sweep;
    private final MemberWrites members;
    private final RecalculatingTier tiers;
    private final ProgramStore programs;

    TierRetentionJob(
            JobQueries queries,
            MemberSweep sweep,
            MemberWrites members,
            RecalculatingTier tiers,
            ProgramStore programs) {
        this.queries = queries;
        this.sweep = sweep;
        this.members = members;
        this.tiers = tiers;
        this.programs = programs;
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
        Program program = programs.current();
        return sweep.sweep(
                NAME,
                (after, limit) -> queries.membersWithLapsedTier(now.toEpochMilli(), after, limit),
                memberId -> lapse(memberId, now, program),
                budget);
    }

    private boolean lapse(long memberId, Instant now, Program program) {
        MemberChange change = members.begin(memberId, now);
        long deadline = change.member().tierValidUntil == null ? 0 : change.member().tierValidUntil;
        Optional<RecalculatingTier.TierChange> move = tiers.applyLapse(change.member(), program, now);
        if (move.isEmpty()) {
            return false;
        }
        RecalculatingTier.TierChange c = move.get();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("from_tier", c.fromCode());
        p.put("to_tier", c.toCode());
        p.put("lapsed_at", Instant.ofEpochMilli(deadline).toString());
        p.put("valid_until", c.validUntil() == null ? null : c.validUntil().toString());
        if (c.kept()) {
            change.emit(EventType.TIER_RENEWED, p);
        } else {
            p.put("reason", "retention_missed");
            change.emit(EventType.TIER_DOWNGRADED, p);
        }
        members.commit(change);
        return true;
    }
}
