package com.tierpoint.core.engagement.application;

import com.tierpoint.core.engagement.infrastructure.LeaderboardMapper;
import com.tierpoint.core.engagement.infrastructure.RedisLeaderboards;
import com.tierpoint.core.engagement.model.GroupIds;
import com.tierpoint.core.engagement.model.Months;
import com.tierpoint.core.engagement.model.Nicknames;
import com.tierpoint.core.engagement.model.Ranking;
import com.tierpoint.core.member.infrastructure.MemberMapper;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.core.shared.model.MemberId;
import com.tierpoint.core.shared.model.NotFound;
import com.tierpoint.core.shared.model.Validation;
import io.lettuce.core.RedisException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * GetLeaderboard: from the Redis mirror when it is complete (rebuilding it first when it is
 * missing), from MySQL when Redis cannot be used, with the same answer either way.
 */
@Service
public class ReadingLeaderboard {

    public static final int DEFAULT_TOP = 10;
    public static final int MAX_TOP = 100;

    private static final Logger log = LoggerFactory.getLogger(ReadingLeaderboard.class);

    /** Empty strings mean "not given"; {@code topN} 0 means {@link #DEFAULT_TOP}. */
    public record Query(String month, String groupId, int topN, String memberId) {}

    public record Entry(int rank, long memberId, String nickname, long points) {}

    /** {@code groupId} null for everyone; {@code own} null unless a member was asked for (rank 0 = not ranked). */
    public record Board(YearMonth month, String groupId, List<Entry> entries, Entry own) {}

    private final LeaderboardMapper boards;
    private final MemberMapper members;
    private final RedisLeaderboards redis;
    private final LeaderboardMirror mirror;
    private final ProgramStore programs;
    private final Clock clock;
    private final Counter fromRedis;
    private final Counter fromMysql;

    ReadingLeaderboard(
            LeaderboardMapper boards,
            MemberMapper members,
            RedisLeaderboards redis,
            LeaderboardMirror mirror,
            ProgramStore programs,
            Clock clock,
            MeterRegistry meters) {
        this.boards = boards;
        this.members = members;
        this.redis = redis;
        this.mirror = mirror;
        this.programs = programs;
        this.clock = clock;
        this.fromRedis = meters.counter("tierpoint.leaderboard.reads", "source", "redis");
        this.fromMysql = meters.counter("tierpoint.leaderboard.reads", "source", "mysql");
    }

    public Board read(Query q) {
        Program program = programs.current();
        Validation v = new Validation();
        YearMonth month = Months.orCurrent(q.month(), clock.instant(), program.zone());
        v.require(month != null, "month", "must be a month YYYY-MM");
        String groupId = blankToNull(q.groupId());
        v.require(groupId == null || GroupIds.valid(groupId), "group_id", GroupIds.RULE);
        v.require(q.topN() >= 0 && q.topN() <= MAX_TOP, "top_n", "must be between 1 and " + MAX_TOP + " (0 = 10)");
        String member = blankToNull(q.memberId());
        if (member != null) {
            v.memberId(member, "member_id");
        }
        v.throwIfInvalid();
        int topN = q.topN() == 0 ? DEFAULT_TOP : q.topN();
        Long memberId = member == null ? null : MemberId.of(member);
        if (memberId != null && members.selectById(memberId) == null) {
            throw new NotFound("member " + memberId);
        }
        RedisLeaderboards.Board raw = fromRedis(month, groupId, topN, memberId);
        if (raw == null) {
            fromMysql.increment();
            raw = fromMysql(month, groupId, topN, memberId);
        } else {
            fromRedis.increment();
        }
        return present(month, groupId, raw, memberId);
    }

    private RedisLeaderboards.Board fromRedis(YearMonth month, String groupId, int topN, Long memberId) {
        try {
            RedisLeaderboards.Board b = redis.read(month, groupId, topN, memberId);
            if (b == null && mirror.rebuild(month)) {
                b = redis.read(month, groupId, topN, memberId);
            }
            return b;
        } catch (RedisException e) {
            log.debug("leaderboard {} read from MySQL: {}", month, e.toString());
            return null;
        }
    }

    private RedisLeaderboards.Board fromMysql(YearMonth month, String groupId, int topN, Long memberId) {
        String m = month.toString();
        List<LeaderboardMapper.Total> top = groupId == null ? boards.top(m, topN) : boards.topOfGroup(m, groupId, topN);
        RedisLeaderboards.Own own = null;
        if (memberId != null) {
            Long total = boards.totalOfMonth(memberId, m);
            long points = total == null ? 0 : total;
            boolean ranked = points > 0 && (groupId == null || boards.inGroup(memberId, groupId) > 0);
            Long higher = !ranked
                    ? null
                    : groupId == null ? boards.countAbove(m, points) : boards.countAboveInGroup(m, groupId, points);
            own = new RedisLeaderboards.Own(points, higher);
        }
        return new RedisLeaderboards.Board(
                top.stream().map(t -> new Ranking.Score(t.memberId, t.points)).toList(), own);
    }

    private Board present(YearMonth month, String groupId, RedisLeaderboards.Board raw, Long memberId) {
        Set<Long> ids = new HashSet<>();
        raw.top().forEach(s -> ids.add(s.memberId()));
        if (memberId != null) {
            ids.add(memberId);
        }
        Map<Long, String> nicknames = ids.isEmpty()
                ? Map.of()
                : members.selectByIds(ids).stream()
                        .collect(Collectors.toMap(r -> r.id, r -> Nicknames.masked(r.nickname, r.id)));
        Function<Long, String> name = id -> nicknames.getOrDefault(id, Nicknames.masked(null, id));
        List<Entry> entries = new ArrayList<>();
        for (Ranking.Ranked r : Ranking.top(raw.top())) {
            entries.add(new Entry(r.rank(), r.memberId(), name.apply(r.memberId()), r.points()));
        }
        Entry own = null;
        if (memberId != null) {
            RedisLeaderboards.Own o = raw.own();
            int rank = o.higher() == null ? 0 : Ranking.rankBehind(o.higher());
            own = new Entry(rank, memberId, name.apply(memberId), o.points());
        }
        return new Board(month, groupId, entries, own);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
