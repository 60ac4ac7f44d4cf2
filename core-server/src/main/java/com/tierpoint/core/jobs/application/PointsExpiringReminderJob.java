package com.tierpoint.core.jobs.application;

import com.tierpoint.core.events.EventType;
import com.tierpoint.core.jobs.infrastructure.JobQueries;
import com.tierpoint.core.member.application.MemberChange;
import com.tierpoint.core.member.application.MemberWrites;
import com.tierpoint.core.points.infrastructure.LotMapper;
import com.tierpoint.core.points.infrastructure.LotRow;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.program.model.Program;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Writes a points.expiring event when a member's points come within the program's
 * {@code reminders.points_expiring_days} of expiring: one per member and last valid day, so a
 * member whose points all expire at the end of the year hears about it once.
 */
@Component
class PointsExpiringReminderJob implements ScheduledJob {

    static final String NAME = "points-expiring-reminder";
    static final String KIND = "points.expiring";

    private final JobQueries queries;
    private final MemberSweep sweep;
    private final MemberWrites members;
    private final LotMapper lots;
    private final ReminderLog reminders;
    private final ProgramStore programs;

    PointsExpiringReminderJob(
            JobQueries queries,
            MemberSweep sweep,
            MemberWrites members,
            LotMapper lots,
            ReminderLog reminders,
            ProgramStore programs) {
        this.queries = queries;
        this.sweep = sweep;
        this.members = members;
        this.lots = lots;
        this.reminders = reminders;
        this.programs = programs;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration defaultInterval() {
        return Duration.ofMinutes(10);
    }

    @Override
    public JobRun run(Instant now, int budget) {
        Program program = programs.current();
        int days = program.reminders().pointsExpiringDays();
        if (days <= 0) {
            return JobRun.nothing();
        }
        long from = now.toEpochMilli();
        long upTo = now.plus(Duration.ofDays(days)).toEpochMilli();
        return sweep.sweep(
                NAME,
                (after, limit) -> queries.membersWithLotsExpiring(from, upTo, after, limit),
                memberId -> remind(memberId, now, upTo, program),
                budget);
    }

    private boolean remind(long memberId, Instant now, long upTo, Program program) {
        MemberChange change = members.begin(memberId, now);
        Map<LocalDate, long[]> byLastDay = new TreeMap<>();
        for (LotRow lot : lots.openLots(memberId)) {
            if (lot.expiresAt > now.toEpochMilli() && lot.expiresAt <= upTo) {
                LocalDate lastDay = lastValidDay(lot.expiresAt, program);
                long[] acc = byLastDay.computeIfAbsent(lastDay, d -> new long[] {0, lot.expiresAt});
                acc[0] += lot.remaining;
                acc[1] = Math.min(acc[1], lot.expiresAt);
            }
        }
        boolean wrote = false;
        for (Map.Entry<LocalDate, long[]> e : byLastDay.entrySet()) {
            if (!reminders.claim(memberId, KIND, e.getKey().toString(), now.toEpochMilli())) {
                continue;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("points", e.getValue()[0]);
            p.put("expires_at", Instant.ofEpochMilli(e.getValue()[1]).toString());
            p.put("last_valid_day", e.getKey().toString());
            p.put("points_balance", change.member().pointsBalance);
            change.emit(EventType.POINTS_EXPIRING, p);
            wrote = true;
        }
        if (wrote) {
            members.commit(change);
        }
        return wrote;
    }

    /** The last day (program zone) on which points expiring at {@code expiresAt} can be spent. */
    static LocalDate lastValidDay(long expiresAt, Program program) {
        return Instant.ofEpochMilli(expiresAt - 1).atZone(program.zone()).toLocalDate();
    }
}
