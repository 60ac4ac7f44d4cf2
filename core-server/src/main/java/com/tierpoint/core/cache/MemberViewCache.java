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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
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
 *
 * <p>In front of Redis sits a near-cache of parsed views ({@link MemberViewNearCache}), kept only
 * while Redis reports every change to member-view keys to this process ({@link
 * InvalidationTracking}); it is flushed whenever that reporting may have missed something, and
 * bypassed like Redis while this instance is suspect (docs/adr/0015).
 */
public class MemberViewCache implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MemberViewCache.class);
    private static final String VIEW_PREFIX = "tp:mv:";
    private static final String IDENTITY_PREFIX = "tp:id:";
    private static final int MAX_MISSED = 10_000;
    private static final Duration TOMBSTONE_TTL = Duration.ofMinutes(2);
    private static final Duration IDENTITY_TTL = Duration.ofDays(7);

    /**
     * {@code current(key)}: the entry at a key and, when present, its member version, its program
     * version (-1 on a tombstone) and whether it holds a view.
     */
    private static final String CURRENT =
            """
            local function current(key)
              local cur = redis.call('GET', key)
              if not cur then return nil end
              local sep = string.find(cur, '|', 1, true)
              local head = string.sub(cur, 1, sep - 1)
              local colon = string.find(head, ':', 1, true)
              local v = tonumber(colon and string.sub(head, 1, colon - 1) or head)
              local pv = colon and tonumber(string.sub(head, colon + 1)) or -1
              return cur, v, pv, sep < string.len(cur)
            end
            """;

    /**
     * ARGV member version, program version, value, ttl ms. Keeps the entry only if nothing newer
     * is there: a higher member version, or the same one built for the same or a later program
     * version.
     */
    static final String PUT_IF_NEWER = CURRENT
            + """
            local cur, v, pv, filled = current(KEYS[1])
            if cur then
              local nv = tonumber(ARGV[1])
              if v > nv then return 0 end
              if v == nv and filled and pv >= tonumber(ARGV[2]) then return 0 end
            end
            redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4])
            return 1
            """;

    /**
     * One key per member, ARGV the members' versions in the same order, then the ttl ms. Leaves a
     * tombstone at each key unless something as new is there; answers how many it left.
     */
    static final String TOMBSTONE = CURRENT
            + """
            local left = 0
            for i, key in ipairs(KEYS) do
              local cur, v = current(key)
              if not (cur and v >= tonumber(ARGV[i])) then
                redis.call('SET', key, ARGV[i] .. '|', 'PX', ARGV[#KEYS + 1])
                left = left + 1
              end
            end
            return left
            """;

    /** The near-cache in front of Redis: on or off, how many views at most, and how long each at most. */
    public record Near(boolean enabled, int maxEntries, Duration maxAge) {}

    private final RedisConnection redis;
    private final MemberViewNearCache near;
    private final InvalidationTracking tracking;
    private final ConcurrentHashMap<Long, Long> missed = new ConcurrentHashMap<>();
    private final Object repairLock = new Object();
    private volatile boolean suspect;
    private volatile boolean overflowed;
    private final ScheduledExecutorService repair;
    private final Counter nearHits;
    private final Counter hits;
    private final Counter misses;
    private final Counter errors;

    public MemberViewCache(RedisConnection redis, MeterRegistry meters, Duration repairEvery, Near nearSettings) {
        this.redis = redis;
        this.nearHits = meters.counter("tierpoint.cache.member_view", "result", "near_hit");
        this.hits = meters.counter("tierpoint.cache.member_view", "result", "hit");
        this.misses = meters.counter("tierpoint.cache.member_view", "result", "miss");
        this.errors = meters.counter("tierpoint.cache.member_view", "result", "error");
        meters.gauge("tierpoint.cache.missed_invalidations", missed, ConcurrentHashMap::size);
        if (nearSettings.enabled()) {
            this.near = new MemberViewNearCache(nearSettings.maxEntries(), nearSettings.maxAge());
            this.tracking = new InvalidationTracking(redis.url(), redis.commandTimeout(), VIEW_PREFIX, new Tracked());
            meters.gauge("tierpoint.cache.member_view_near_size", near, MemberViewNearCache::size);
        } else {
            this.near = null;
            this.tracking = null;
        }
        this.repair = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "member-view-cache-repair");
            t.setDaemon(true);
            return t;
        });
        long ms = repairEvery.toMillis();
        repair.scheduleWithFixedDelay(this::repair, ms, ms, TimeUnit.MILLISECONDS);
        if (tracking != null) {
            // also the heartbeat of the tracking connection, and its reconnect while it is down
            repair.scheduleWithFixedDelay(tracking::check, 0, Math.min(ms, 1000), TimeUnit.MILLISECONDS);
        }
    }

    /** Invalidations Redis reports reach the near-cache; losing them empties it. */
    private final class Tracked implements InvalidationTracking.Listener {
        @Override
        public void started() {
            near.trackingStarted();
        }

        @Override
        public void lost() {
            near.trackingLost();
        }

        @Override
        public void invalidated(String key) {
            if (!key.startsWith(VIEW_PREFIX)) {
                return;
            }
            try {
                near.invalidate(Long.parseLong(key, VIEW_PREFIX.length(), key.length(), 10));
            } catch (NumberFormatException e) {
                // not a member view key: nothing of ours
            }
        }

        @Override
        public void invalidatedAll() {
            near.flush();
        }
    }

    /**
     * The view this instance holds in memory, if any and if the caller can use it: no Redis
     * call, so it never blocks. Empty does not mean absent; {@link #get} looks further. A view
     * held but not usable is not counted as a hit: the caller's next step ({@link #get}) counts.
     */
    public Optional<MemberView> held(long memberId, Predicate<MemberView> usable) {
        if (suspect || near == null) {
            return Optional.empty();
        }
        MemberView view = near.get(memberId);
        if (view == null || !usable.test(view)) {
            return Optional.empty();
        }
        nearHits.increment();
        return Optional.of(view);
    }

    public Optional<MemberView> get(long memberId) {
        if (suspect) {
            misses.increment();
            return Optional.empty();
        }
        MemberViewNearCache.Ticket ticket = null;
        if (near != null) {
            MemberView held = near.get(memberId);
            if (held != null) {
                nearHits.increment();
                return Optional.of(held);
            }
            ticket = near.ticket(memberId);
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
            MemberView view = Json.read(raw.substring(sep + 1), MemberView.class);
            if (near != null && view.memberId() == memberId) {
                near.fill(view, ticket);
            }
            return Optional.of(view);
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

    /**
     * Called after a write to the member committed with {@code version}. The near-cache drops the
     * member before and again after the tombstone reaches Redis, so once this returns no view read
     * before the tombstone is served here, whenever Redis's own report of it arrives.
     */
    public void invalidate(long memberId, long version) {
        invalidateAll(Map.of(memberId, version));
    }

    /** {@link #invalidate} for several members (member id to committed version), with one Redis call. */
    public void invalidateAll(Map<Long, Long> versions) {
        if (versions.isEmpty()) {
            return;
        }
        if (near != null) {
            versions.keySet().forEach(near::invalidate);
        }
        try {
            tombstone(redis.sync(), versions);
        } catch (RedisException e) {
            errors.increment();
            versions.forEach(this::remember);
        } finally {
            if (near != null) {
                versions.keySet().forEach(near::invalidate);
            }
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

    /** Whether views are kept in this process now: Redis reports every change to them. */
    public boolean nearCacheActive() {
        return near != null && near.tracking();
    }

    /** How many times the near-cache was emptied or lost tracking so far (tests tell a flush from a miss). */
    long nearEpoch() {
        return near == null ? 0 : near.epoch();
    }

    /** The Redis client id of the connection that Redis reports changes on; -1 when there is none. */
    public long trackingClientId() {
        return tracking == null ? -1 : tracking.clientId();
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
        if (near != null) {
            near.flush();
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
                tombstone(cmd, Map.of(e.getKey(), e.getValue()));
                missed.remove(e.getKey(), e.getValue());
            }
            synchronized (repairLock) {
                // a writer may have missed another invalidation meanwhile: only clear when none is left
                if (missed.isEmpty() && !overflowed) {
                    if (near != null) {
                        // nothing read before or during the outage is trusted afterwards
                        near.flush();
                    }
                    suspect = false;
                    log.info("Redis reachable again; missed invalidations replayed, member views served from cache");
                }
            }
        } catch (RedisException e) {
            // still down; try again on the next tick
        }
    }

    private static void tombstone(RedisCommands<String, String> cmd, Map<Long, Long> versions) {
        String[] keys = new String[versions.size()];
        String[] args = new String[versions.size() + 1];
        int i = 0;
        for (Map.Entry<Long, Long> e : versions.entrySet()) {
            keys[i] = VIEW_PREFIX + e.getKey();
            args[i++] = String.valueOf(e.getValue());
        }
        args[i] = String.valueOf(TOMBSTONE_TTL.toMillis());
        cmd.eval(TOMBSTONE, ScriptOutputType.INTEGER, keys, args);
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
        if (tracking != null) {
            tracking.close();
        }
    }
}
