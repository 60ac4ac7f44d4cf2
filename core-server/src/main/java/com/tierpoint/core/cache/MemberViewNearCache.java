package com.tierpoint.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.tierpoint.core.member.application.MemberView;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Parsed member views held in this process, each a copy of what Redis held under {@code tp:mv:<id>}
 * when it was read, kept only while Redis tells this process about every change to those keys
 * (see {@link InvalidationTracking}).
 *
 * <p>An entry remembers the <em>epoch</em> and the <em>stamp</em> of its member that the reader saw
 * before it sent its GET, and is served only while both are still current:
 *
 * <ul>
 *   <li>the epoch moves whenever tracking starts, is lost, or everything must go (a flush); an odd
 *       epoch means Redis is not tracking for this process, and then nothing is served or kept;
 *   <li>the stamp of a member moves on every invalidation of it: one from Redis, or this process's
 *       own write ({@link #invalidate}), before and after its tombstone reaches Redis.
 * </ul>
 *
 * <p>So a GET answered before an invalidation but filled after it is dead on arrival, whatever the
 * interleaving; nothing needs a lock on the read path. Stamps are kept per stripe of member ids,
 * so an invalidation may also drop a few unrelated entries (they are simply read again).
 */
final class MemberViewNearCache {

    private static final int STRIPES = 1 << 14;

    /** What a reader saw before asking Redis; a view filled with it is served only while both still hold. */
    record Ticket(long epoch, long stamp) {}

    private record Entry(MemberView view, long epoch, long stamp) {}

    private final Cache<Long, Entry> entries;
    private final AtomicLongArray stamps = new AtomicLongArray(STRIPES);
    /** Odd while Redis is not tracking member views for this process. */
    private volatile long epoch = 1;

    MemberViewNearCache(int maxEntries, Duration maxAge) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(maxAge)
                .build();
    }

    /** The view to serve, or null: none held, or it may have changed since it was read. */
    MemberView get(long memberId) {
        long e = epoch;
        if ((e & 1) != 0) {
            return null;
        }
        Entry entry = entries.getIfPresent(memberId);
        if (entry == null || entry.epoch != e || entry.stamp != stamps.get(stripe(memberId))) {
            return null;
        }
        return entry.view;
    }

    /** Taken before reading Redis; null while nothing may be kept. */
    Ticket ticket(long memberId) {
        long e = epoch;
        if ((e & 1) != 0) {
            return null;
        }
        return new Ticket(e, stamps.get(stripe(memberId)));
    }

    /** Keeps a view read from Redis under a ticket taken before the read. */
    void fill(MemberView view, Ticket ticket) {
        if (ticket != null && ticket.epoch == epoch) {
            entries.put(view.memberId(), new Entry(view, ticket.epoch, ticket.stamp));
        }
    }

    /** The member's view changed (or is about to): no copy read before this is served again. */
    void invalidate(long memberId) {
        stamps.incrementAndGet(stripe(memberId));
        entries.invalidate(memberId);
    }

    /** Moves on with every flush and every start or loss of tracking. */
    long epoch() {
        return epoch;
    }

    /** Drops everything held; tracking, if on, stays on. */
    synchronized void flush() {
        epoch += 2;
        entries.invalidateAll();
    }

    /** Redis tracks member-view keys for this process from now on: views may be kept. */
    synchronized void trackingStarted() {
        if ((epoch & 1) != 0) {
            epoch++;
        }
    }

    /** Invalidations may have been missed: drop everything and keep nothing until tracking restarts. */
    synchronized void trackingLost() {
        if ((epoch & 1) == 0) {
            epoch++;
        }
        entries.invalidateAll();
    }

    boolean tracking() {
        return (epoch & 1) == 0;
    }

    long size() {
        return entries.estimatedSize();
    }

    private static int stripe(long memberId) {
        long h = memberId * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 50);
    }
}
