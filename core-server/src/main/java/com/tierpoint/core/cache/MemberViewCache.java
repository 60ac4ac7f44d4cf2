package com.tierpoint.core.cache;

import com.tierpoint.core.member.application.MemberView;
import com.tierpoint.core.shared.infrastructure.Json;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Member views in Redis, versioned so an older view can never overwrite a newer one.
 *
 * <p>Each entry is {@code "<member version>:<program version>|<json>"}; after a write commits, the entry is replaced by a
 * tombstone {@code "<version>|"} carrying the new version. A reader that loaded an older row
 * before the commit then fails the compare in {@link #PUT_IF_NEWER} and its view is dropped.
 *
 * <p>Redis is a cache only. Every failure turns into a miss. If an invalidation cannot reach
 * Redis, this instance stops reading from Redis ("suspect") and replays the missed invalidations
 * once it can; if too many were missed to replay, it clears every member view instead. Only then
 * does it read from Redis again, so a view made stale during the outage is never served.
 */
public class MemberViewCache implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MemberViewCache.class);
    private static final String VIEW_PREFIX = "tp:mv:";
    private static final String IDENTITY_PREFIX = "tp:id:";
    private static final int MAX_MISSED = 10_000;
    private static final Duration TOMBSTONE_TTL = Duration.ofMinutes(2);
    private static final Duration IDENTITY_TTL = Duration.ofDays(7);

    /**
     * Reads the entry at KEYS[1] into {@code cur} and, when present, its member version {@code v},
     * program version {@code pv} (-1 on a tombstone) and whether it holds a view ({@code filled}).
     */
    private static final String READ_CURRENT =
            """
            local cur = redis.call('GET', KEYS[1])
            local v, pv, filled
            if cur then
              local sep = string.find(cur, '|', 1, true)
              local head = string.sub(cur, 1, sep - 1)
              local colon = string.find(head, ':', 1, true)
              v = tonumber(colon and string.sub(head, 1, colon - 1) or head)
              pv = colon and tonumber(string.sub(head, colon + 1)) or -1
              filled = sep < string.len(cur)
            end
            """;

    /**
     * ARGV member version, program version, value, ttl ms. Keeps the entry only if nothing newer
     * is there: a higher member version, or the same one built for the same or a later program
     * version.
     */
    static final String PUT_IF_NEWER = READ_CURRENT
            + """
            if cur then
              local nv = tonumber(ARGV[1])
              if v > nv then return 0 end
              if v == nv and filled and pv >= tonumber(ARGV[2]) then return 0 end
            end
            redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4])
            return 1
            """;

    /** ARGV member version, ttl ms. Leaves a tombstone unless something as new is there. */
    static final String TOMBSTONE = READ_CURRENT
            + """
            if cur and v >= tonumber(ARGV[1]) then return 0 end
            redis.call('SET', KEYS[1], ARGV[1] .. '|', 'PX', ARGV[2])
            return 1
            """;

    private final RedisConnection redis;
    private final ConcurrentHashMap<Long, Long> missed = new ConcurrentHashMap<>();
    private final Object repairLock = new Object();
    private volatile boolean suspect;
    private volatile boolean overflowed;
    private final ScheduledExecutorService repair;
    private final Counter hits;
    private final Counter misses;
    private final Counter errors;

    public MemberViewCache(RedisConnection redis, MeterRegistry meters, Duration repairEvery) {
        this.redis = redis;
        this.hits = meters.counter("tierpoint.cache.member_view", "result", "hit");
        this.misses = meters.counter("tierpoint.cache.member_view", "result", "miss");
        this.errors = meters.counter("tierpoint.cache.member_view", "result", "error");
        meters.gauge("tierpoint.cache.missed_invalidations", missed, ConcurrentHashMap::size);
        this.repair = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "member-view-cache-repair");
            t.setDaemon(true);
            return t;
        });
        long ms = repairEvery.toMillis();
        repair.scheduleWithFixedDelay(this::repair, ms, ms, TimeUnit.MILLISECONDS);
    }

    public Optional<MemberView> get(long memberId) {
        if (suspect) {
            misses.increment();
            return Optional.empty();
        }
        try {
            String raw = redis.sync().get(VIEW_PREFIX + memberId);
            if (raw == null) {
                misses.increment();
                return Optional.empty();
            }
            int sep = raw.indexOf('|');
            if (sep < 0 || sep == raw.length() - 1) {
                misses.increment();
                return Optional.empty();
            }
            hits.increment();
            return Optional.of(Json.read(raw.substring(sep + 1), MemberView.class));
        } catch (RedisException | IllegalStateException e) {
            errors.increment();
            return Optional.empty();
        }
    }

    /** Offers a view built from MySQL; Redis keeps it only if it holds nothing newer. */
    public void offer(MemberView view, Duration ttl) {
        if (suspect) {
            return;
        }
        try {
            redis.sync()
                    .eval(
                            PUT_IF_NEWER,
                            ScriptOutputType.INTEGER,
                            new String[] {VIEW_PREFIX + view.memberId()},
                            String.valueOf(view.version()),
                            String.valueOf(view.programVersion()),
                            view.version() + ":" + view.programVersion() + "|" + Json.write(view),
                            String.valueOf(Math.max(1, ttl.toMillis())));
        } catch (RedisException e) {
            errors.increment();
        }
    }

    /** Called after a write to the member committed with {@code version}. */
    public void invalidate(long memberId, long version) {
        try {
            tombstone(redis.sync(), memberId, version);
        } catch (RedisException e) {
            errors.increment();
            remember(memberId, version);
        }
    }

    public Optional<Long> idForIdentity(String appId, String openid) {
        if (suspect) {
            return Optional.empty();
        }
        try {
            String id = redis.sync().get(IDENTITY_PREFIX + appId + ":" + openid);
            return Optional.ofNullable(id).map(Long::valueOf);
        } catch (RedisException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Identity -> member id never changes once enrolled, so it is safe to keep for days. */
    public void rememberIdentity(String appId, String openid, long memberId) {
        if (suspect) {
            return;
        }
        try {
            redis.sync()
                    .psetex(IDENTITY_PREFIX + appId + ":" + openid, IDENTITY_TTL.toMillis(), String.valueOf(memberId));
        } catch (RedisException e) {
            errors.increment();
        }
    }

    /** Whether reads currently bypass Redis because invalidations are waiting to be replayed. */
    public boolean suspect() {
        return suspect;
    }

    private void remember(long memberId, long version) {
        synchronized (repairLock) {
            if (missed.size() >= MAX_MISSED) {
                overflowed = true;
            } else {
                missed.merge(memberId, version, Math::max);
            }
            suspect = true;
        }
    }

    /** Replays missed invalidations once Redis answers again; then reads from Redis resume. */
    void repair() {
        if (!suspect) {
            return;
        }
        try {
            RedisCommands<String, String> cmd = redis.sync();
            boolean clearAll;
            synchronized (repairLock) {
                clearAll = overflowed;
                if (clearAll) {
                    // every view goes; invalidations missed from here on are kept and replayed below
                    overflowed = false;
                    missed.clear();
                }
            }
            if (clearAll) {
                try {
                    clearAllViews(cmd);
                } catch (RedisException e) {
                    overflowed = true;
                    throw e;
                }
            }
            for (var e : missed.entrySet()) {
                tombstone(cmd, e.getKey(), e.getValue());
                missed.remove(e.getKey(), e.getValue());
            }
            synchronized (repairLock) {
                // a writer may have missed another invalidation meanwhile: only clear when none is left
                if (missed.isEmpty() && !overflowed) {
                    suspect = false;
                    log.info("Redis reachable again; missed invalidations replayed, member views served from cache");
                }
            }
        } catch (RedisException e) {
            // still down; try again on the next tick
        }
    }

    private static void tombstone(RedisCommands<String, String> cmd, long memberId, long version) {
        cmd.eval(
                TOMBSTONE,
                ScriptOutputType.INTEGER,
                new String[] {VIEW_PREFIX + memberId},
                String.valueOf(version),
                String.valueOf(TOMBSTONE_TTL.toMillis()));
    }

    private static void clearAllViews(RedisCommands<String, String> cmd) {
        ScanArgs args = ScanArgs.Builder.matches(VIEW_PREFIX + "*").limit(1000);
        KeyScanCursor<String> cursor = cmd.scan(args);
        while (true) {
            if (!cursor.getKeys().isEmpty()) {
                cmd.del(cursor.getKeys().toArray(String[]::new));
            }
            if (cursor.isFinished()) {
                break;
            }
            cursor = cmd.scan(cursor, args);
        }
    }

    @Override
    public void close() {
        repair.shutdownNow();
    }
}
