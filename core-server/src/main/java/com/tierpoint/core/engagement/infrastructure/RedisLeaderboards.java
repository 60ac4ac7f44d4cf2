package com.tierpoint.core.engagement.infrastructure;

import com.tierpoint.core.cache.RedisConnection;
import com.tierpoint.core.engagement.model.Ranking;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Redis mirror of the monthly leaderboards. MySQL ({@code points_month}, {@code member_group})
 * is the truth; this is a copy that can be lost and rebuilt at any time.
 *
 * <p>Every key of a month shares the hash tag {@code {YYYY-MM}}, so one script can touch all of
 * them on Redis Cluster:
 *
 * <ul>
 *   <li>{@code tp:lb:{M}:scores} sorted set: member id -> month total, for totals above 0;
 *   <li>{@code tp:lb:{M}:state} hash: member id -> "version total group group ...", the member
 *       version each entry was written at (the guard) and the groups it was added to;
 *   <li>{@code tp:lb:{M}:g:<group id>} set: the month's members in that WeCom group;
 *   <li>{@code tp:lb:{M}:ready} marker: the mirror of the month is complete;
 *   <li>{@code tp:lb:{M}:rebuild} lease of the instance rebuilding the month from MySQL;
 *   <li>{@code tp:lb:{M}:tmp} a group board, computed and deleted inside one script.
 * </ul>
 *
 * <p>The scripts build group keys from the month's prefix; they stay in the script's slot because
 * they carry the same hash tag.
 *
 * <p>Writes carry a member's absolute state (total and groups) at a member version and are kept
 * only if the entry holds an older version, so writes arriving out of order never go back in
 * time. A write that cannot reach Redis leaves the month <em>stale</em> here: this instance no
 * longer reads it from Redis and, once Redis answers, drops the month's marker so that the next
 * read rebuilds it from MySQL.
 */
@Component
public class RedisLeaderboards implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisLeaderboards.class);

    /** Data keys outlive the marker, so a month marked complete never misses its data. */
    private static final Duration DATA_GRACE = Duration.ofDays(1);

    /**
     * KEYS scores, state. ARGV group key prefix, ttl ms, then per member: id, version, total,
     * group count n, n group ids. Returns how many entries were newer and written.
     */
    static final String PUT_IF_NEWER =
            """
            local prefix, ttl = ARGV[1], ARGV[2]
            local i, written = 3, 0
            while i <= #ARGV do
              local member, vtext, total = ARGV[i], ARGV[i + 1], ARGV[i + 2]
              local version, n = tonumber(vtext), tonumber(ARGV[i + 3])
              local groups = {}
              for j = 1, n do groups[j] = ARGV[i + 3 + j] end
              i = i + 4 + n
              local cur = redis.call('HGET', KEYS[2], member)
              local old, newer = {}, true
              if cur then
                local k = 0
                for w in string.gmatch(cur, '%S+') do
                  k = k + 1
                  if k == 1 and tonumber(w) >= version then newer = false end
                  if k > 2 then old[w] = true end
                end
              end
              if newer then
                local keep = {}
                for _, g in ipairs(groups) do keep[g] = true end
                for g in pairs(old) do
                  if not keep[g] then redis.call('SREM', prefix .. g, member) end
                end
                for _, g in ipairs(groups) do
                  redis.call('SADD', prefix .. g, member)
                  redis.call('PEXPIRE', prefix .. g, ttl)
                end
                if tonumber(total) > 0 then
                  redis.call('ZADD', KEYS[1], total, member)
                else
                  redis.call('ZREM', KEYS[1], member)
                end
                local entry = vtext .. ' ' .. total
                for _, g in ipairs(groups) do entry = entry .. ' ' .. g end
                redis.call('HSET', KEYS[2], member, entry)
                written = written + 1
              end
            end
            redis.call('PEXPIRE', KEYS[1], ttl)
            redis.call('PEXPIRE', KEYS[2], ttl)
            return written
            """;

    /**
     * KEYS ready, scores, state [, group set, tmp]. ARGV top n, member id or ''. Returns {0} when
     * the month is not complete, else {1, {member, total, ...}, own} where own is {} (no member
     * asked), {total, higher} (ranked) or {total} (not ranked on this board).
     */
    static final String READ =
            """
            if redis.call('EXISTS', KEYS[1]) == 0 then return {0} end
            local board = KEYS[2]
            if #KEYS == 5 then
              redis.call('ZINTERSTORE', KEYS[5], 2, KEYS[2], KEYS[4], 'WEIGHTS', 1, 0)
              board = KEYS[5]
            end
            local top = redis.call('ZREVRANGE', board, 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')
            local own = {}
            if ARGV[2] ~= '' then
              local s = redis.call('ZSCORE', board, ARGV[2])
              if s then
                own = {s, redis.call('ZCOUNT', board, '(' .. s, '+inf')}
              else
                local total = '0'
                local st = redis.call('HGET', KEYS[3], ARGV[2])
                if st then total = string.match(st, '^%S+ (%S+)') end
                own = {total}
              end
            end
            if #KEYS == 5 then redis.call('DEL', KEYS[5]) end
            return {1, top, own}
            """;

    /** KEYS lease, ready. ARGV token, marker ttl ms. Marks the month complete if the lease is still ours. */
    static final String FINISH_REBUILD =
            """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
            redis.call('DEL', KEYS[1])
            return 1
            """;

    /** KEYS lease. ARGV token, lease ms. Extends the lease if it is still ours. */
    static final String RENEW =
            """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
            return 0
            """;

    /** KEYS lease. ARGV token. */
    static final String RELEASE =
            """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """;

    /** A member's absolute state in a month, as of its member version. */
    public record MemberState(long memberId, long version, long points, List<String> groups) {}

    /** A board read from Redis: the top, best first, and the asked member's standing (or null). */
    public record Board(List<Ranking.Score> top, Own own) {}

    /** {@code higher} is null when the member is not ranked on the board. */
    public record Own(long points, Long higher) {}

    private final RedisConnection redis;
    private final Set<YearMonth> stale = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService repair;

    RedisLeaderboards(RedisConnection redis, @Value("${tierpoint.cache.repair-interval:1s}") Duration repairEvery) {
        this.redis = redis;
        this.repair = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "leaderboard-repair");
            t.setDaemon(true);
            return t;
        });
        long ms = repairEvery.toMillis();
        repair.scheduleWithFixedDelay(this::repairStale, ms, ms, TimeUnit.MILLISECONDS);
    }

    static String prefix(YearMonth month) {
        return "tp:lb:{" + month + "}:";
    }

    /**
     * Writes members' states, each kept only if newer than what the month holds.
     *
     * @param ttl how long the month's mirror is kept (its data a day longer)
     * @throws RedisException when Redis cannot be reached
     */
    public void put(YearMonth month, List<MemberState> states, Duration ttl) {
        if (states.isEmpty()) {
            return;
        }
        String p = prefix(month);
        List<String> args = new ArrayList<>();
        args.add(p + "g:");
        args.add(String.valueOf(ttl.plus(DATA_GRACE).toMillis()));
        for (MemberState s : states) {
            args.add(String.valueOf(s.memberId()));
            args.add(String.valueOf(s.version()));
            args.add(String.valueOf(s.points()));
            args.add(String.valueOf(s.groups().size()));
            args.addAll(s.groups());
        }
        redis.sync()
                .eval(
                        PUT_IF_NEWER,
                        ScriptOutputType.INTEGER,
                        new String[] {p + "scores", p + "state"},
                        args.toArray(String[]::new));
    }

    /**
     * The top {@code topN} of a month (of one group's members when {@code groupId} is not null) and
     * the standing of {@code memberId} (when not null); null when the month's mirror is not
     * complete or this instance missed a write to it.
     *
     * @throws RedisException when Redis cannot be reached
     */
    public Board read(YearMonth month, String groupId, int topN, Long memberId) {
        if (stale.contains(month) && !forgetStale(month)) {
            return null;
        }
        String p = prefix(month);
        String[] keys = groupId == null
                ? new String[] {p + "ready", p + "scores", p + "state"}
                : new String[] {p + "ready", p + "scores", p + "state", p + "g:" + groupId, p + "tmp"};
        List<Object> reply = redis.sync()
                .eval(
                        READ,
                        ScriptOutputType.MULTI,
                        keys,
                        String.valueOf(topN),
                        memberId == null ? "" : String.valueOf(memberId));
        if (((Long) reply.get(0)) == 0) {
            return null;
        }
        List<?> flat = (List<?>) reply.get(1);
        List<Ranking.Score> top = new ArrayList<>(flat.size() / 2);
        for (int i = 0; i < flat.size(); i += 2) {
            top.add(new Ranking.Score(Long.parseLong((String) flat.get(i)), total(flat.get(i + 1))));
        }
        List<?> own = (List<?>) reply.get(2);
        Own standing = null;
        if (memberId != null) {
            standing =
                    own.size() == 2 ? new Own(total(own.get(0)), (Long) own.get(1)) : new Own(total(own.get(0)), null);
        }
        return new Board(top, standing);
    }

    /** Takes the month's rebuild lease under {@code token}; false when another rebuild holds it. */
    public boolean tryStartRebuild(YearMonth month, String token, Duration lease) {
        String ok = redis.sync()
                .set(prefix(month) + "rebuild", token, SetArgs.Builder.nx().px(lease.toMillis()));
        return "OK".equals(ok);
    }

    /** Marks the month complete, unless the lease was lost (expired, or the month was forgotten). */
    public boolean finishRebuild(YearMonth month, String token, Duration ttl) {
        String p = prefix(month);
        Long done = redis.sync()
                .eval(
                        FINISH_REBUILD,
                        ScriptOutputType.INTEGER,
                        new String[] {p + "rebuild", p + "ready"},
                        token,
                        String.valueOf(ttl.toMillis()));
        return done != null && done == 1;
    }

    /** Extends the rebuild lease; false when it was lost. */
    public boolean renewRebuild(YearMonth month, String token, Duration lease) {
        Long ok = redis.sync()
                .eval(
                        RENEW,
                        ScriptOutputType.INTEGER,
                        new String[] {prefix(month) + "rebuild"},
                        token,
                        String.valueOf(lease.toMillis()));
        return ok != null && ok == 1;
    }

    public void abandonRebuild(YearMonth month, String token) {
        redis.sync().eval(RELEASE, ScriptOutputType.INTEGER, new String[] {prefix(month) + "rebuild"}, token);
    }

    /** This instance failed to write to the month: stop trusting its mirror until it is rebuilt. */
    public void markStale(YearMonth month) {
        if (stale.add(month)) {
            log.warn("leaderboard write to Redis failed; the {} board will be rebuilt from MySQL", month);
        }
    }

    /**
     * Drops the month's marker and any rebuild in progress (which may have read MySQL before the
     * missed write), so the next read rebuilds the month. True when done.
     */
    private boolean forgetStale(YearMonth month) {
        // removed first: a write failing meanwhile marks the month again and is covered by this DEL
        stale.remove(month);
        try {
            String p = prefix(month);
            redis.sync().del(p + "ready", p + "rebuild");
            return true;
        } catch (RedisException e) {
            stale.add(month);
            return false;
        }
    }

    void repairStale() {
        for (YearMonth m : stale) {
            if (!forgetStale(m)) {
                return;
            }
        }
    }

    private static long total(Object redisScore) {
        return (long) Double.parseDouble((String) redisScore);
    }

    @Override
    public void close() {
        repair.shutdownNow();
    }
}
