package com.tierpoint.core.engagement.application;

import com.tierpoint.core.engagement.infrastructure.LeaderboardBatchDao;
import com.tierpoint.core.engagement.infrastructure.LeaderboardMapper;
import com.tierpoint.core.engagement.infrastructure.MemberGroupMapper;
import com.tierpoint.core.engagement.infrastructure.RedisLeaderboards;
import com.tierpoint.core.engagement.infrastructure.RedisLeaderboards.MemberState;
import com.tierpoint.core.member.application.MemberChange;
import com.tierpoint.core.points.application.MonthlyEarnings;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.shared.application.AfterCommit;
import com.tierpoint.core.shared.infrastructure.RoundTrip;
import com.tierpoint.core.shared.infrastructure.RoundTrips;
import io.lettuce.core.RedisException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the Redis mirror of the monthly leaderboards in step with MySQL.
 *
 * <p>A transaction that changes a member's monthly total or groups registers here. Just before
 * it commits (still under the member's lock) the member's total, version and groups are read;
 * after it commits that absolute state is written to each month concerned, kept by Redis only if
 * newer than what it holds. A month whose mirror is missing is rebuilt from MySQL by one instance
 * at a time.
 */
@Component
public class LeaderboardMirror implements MonthlyEarnings.Listener {

    /** Months whose mirror is kept: the current one and the two before. */
    static final int KEPT_MONTHS = 3;
    /** The least time a rebuilt mirror is kept (older months, rebuilt on demand). */
    static final Duration MIN_TTL = Duration.ofMinutes(10);

    private static final Duration REBUILD_LEASE = Duration.ofSeconds(30);
    private static final int REBUILD_PAGE = 1000;

    private final LeaderboardMapper boards;
    private final LeaderboardBatchDao batches;
    private final RoundTrips trips;
    private final RedisLeaderboards redis;
    private final ProgramStore programs;
    private final Clock clock;
    private final Counter writeErrors;
    private final Counter rebuilds;
    private final AfterCommit afterCommit;

    LeaderboardMirror(
            LeaderboardMapper boards,
            LeaderboardBatchDao batches,
            RoundTrips trips,
            RedisLeaderboards redis,
            ProgramStore programs,
            Clock clock,
            AfterCommit afterCommit,
            MeterRegistry meters) {
        this.afterCommit = afterCommit;
        this.boards = boards;
        this.batches = batches;
        this.trips = trips;
        this.redis = redis;
        this.programs = programs;
        this.clock = clock;
        this.writeErrors = meters.counter("tierpoint.leaderboard.write_errors");
        this.rebuilds = meters.counter("tierpoint.leaderboard.rebuilds");
    }

    @Override
    public void monthlyTotalChanged(MemberChange change, YearMonth month) {
        pending().add(change.memberId(), month);
    }

    /** The member's groups changed: every kept month in which it has a total shows them. */
    public void groupsChanged(MemberChange change) {
        YearMonth oldest = YearMonth.from(change.now().atZone(zone())).minusMonths(KEPT_MONTHS - 1);
        for (String m : boards.monthsOf(change.memberId(), oldest.toString())) {
            pending().add(change.memberId(), YearMonth.parse(m));
        }
    }

    /**
     * Rebuilds a month's mirror from MySQL, merging with writes that land meanwhile (the version
     * guard keeps the newer of the two). False when another rebuild holds the month or the lease
     * was lost: the caller answers from MySQL.
     *
     * @throws RedisException when Redis cannot be reached
     */
    boolean rebuild(YearMonth month) {
        String token = UUID.randomUUID().toString();
        if (!redis.tryStartRebuild(month, token, REBUILD_LEASE)) {
            return false;
        }
        try {
            Duration ttl = ttlFor(month);
            long after = 0;
            while (true) {
                List<LeaderboardMapper.VersionedTotal> page = boards.page(month.toString(), after, REBUILD_PAGE);
                if (page.isEmpty()) {
                    break;
                }
                redis.put(month, states(page), ttl);
                after = page.get(page.size() - 1).memberId;
                if (page.size() < REBUILD_PAGE || !redis.renewRebuild(month, token, REBUILD_LEASE)) {
                    break;
                }
            }
            boolean complete = redis.finishRebuild(month, token, ttl);
            if (complete) {
                rebuilds.increment();
            }
            return complete;
        } catch (RuntimeException e) {
            try {
                redis.abandonRebuild(month, token);
            } catch (RedisException ignored) {
                // the lease expires on its own
            }
            throw e;
        }
    }

    private List<MemberState> states(List<LeaderboardMapper.VersionedTotal> page) {
        List<Long> ids = page.stream().map(t -> t.memberId).toList();
        Map<Long, List<String>> byMember = new HashMap<>();
        RoundTrip trip = trips.open();
        RoundTrip.Rows<MemberGroupMapper.Membership> groups = batches.groupsOfMembers(trip, ids);
        trip.run();
        for (MemberGroupMapper.Membership m : groups.get()) {
            byMember.computeIfAbsent(m.memberId, k -> new ArrayList<>()).add(m.groupId);
        }
        return page.stream()
                .map(t ->
                        new MemberState(t.memberId, t.version, t.points, byMember.getOrDefault(t.memberId, List.of())))
                .toList();
    }

    /** Until the month drops out of the kept months (at least {@link #MIN_TTL}). */
    Duration ttlFor(YearMonth month) {
        Instant dropsAt =
                month.plusMonths(KEPT_MONTHS).atDay(1).atStartOfDay(zone()).toInstant();
        Duration left = Duration.between(clock.instant(), dropsAt);
        return left.compareTo(MIN_TTL) < 0 ? MIN_TTL : left;
    }

    private ZoneId zone() {
        return programs.current().zone();
    }

    private void write(YearMonth month, List<MemberState> states) {
        try {
            redis.put(month, states, ttlFor(month));
        } catch (RuntimeException e) {
            // the change is committed whatever happens here: the month is rebuilt from MySQL instead
            writeErrors.increment();
            redis.markStale(month);
        }
    }

    /** The changes of the current transaction, registered with it on first use. */
    private Pending pending() {
        Pending p = (Pending) TransactionSynchronizationManager.getResource(this);
        if (p == null) {
            p = new Pending();
            TransactionSynchronizationManager.bindResource(this, p);
            TransactionSynchronizationManager.registerSynchronization(p);
        }
        return p;
    }

    private final class Pending implements TransactionSynchronization {

        private final Map<Long, Set<YearMonth>> months = new LinkedHashMap<>();
        /** Per month, the states to write: one Redis call per month even when a transaction saved many members. */
        private final Map<YearMonth, List<MemberState>> writes = new LinkedHashMap<>();

        void add(long memberId, YearMonth month) {
            months.computeIfAbsent(memberId, k -> new LinkedHashSet<>()).add(month);
        }

        /**
         * Reads the members' totals and groups: one statement per month and one for the groups,
         * however many members, all in one round trip.
         */
        @Override
        public void beforeCommit(boolean readOnly) {
            if (months.isEmpty()) {
                return;
            }
            RoundTrip trip = trips.open();
            RoundTrip.Rows<MemberGroupMapper.Membership> groups = batches.groupsOfMembers(trip, months.keySet());
            Map<YearMonth, List<Long>> membersOf = new LinkedHashMap<>();
            months.forEach((memberId, ms) -> ms.forEach(month ->
                    membersOf.computeIfAbsent(month, k -> new ArrayList<>()).add(memberId)));
            Map<YearMonth, RoundTrip.Rows<LeaderboardMapper.VersionedTotal>> totals = new LinkedHashMap<>();
            membersOf.forEach((month, memberIds) ->
                    totals.put(month, batches.versionedTotals(trip, memberIds, month.toString())));
            trip.run();
            Map<Long, List<String>> memberGroups = new HashMap<>();
            for (MemberGroupMapper.Membership m : groups.get()) {
                memberGroups.computeIfAbsent(m.memberId, k -> new ArrayList<>()).add(m.groupId);
            }
            totals.forEach((month, rows) -> {
                for (LeaderboardMapper.VersionedTotal t : rows.get()) {
                    writes.computeIfAbsent(month, k -> new ArrayList<>())
                            .add(new MemberState(
                                    t.memberId, t.version, t.points, memberGroups.getOrDefault(t.memberId, List.of())));
                }
            });
        }

        @Override
        public void afterCommit() {
            afterCommit.run(() -> writes.forEach(LeaderboardMirror.this::write));
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResource(LeaderboardMirror.this);
        }
    }
}
