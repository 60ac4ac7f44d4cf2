package com.tierpoint.core.member.application;

import com.tierpoint.core.cache.MemberViewCache;
import com.tierpoint.core.events.Outbox;
import com.tierpoint.core.events.OutboxRow;
import com.tierpoint.core.member.infrastructure.MemberBatchDao;
import com.tierpoint.core.member.infrastructure.MemberBatchDao.PointsSave;
import com.tierpoint.core.member.infrastructure.MemberMapper;
import com.tierpoint.core.member.infrastructure.MemberRow;
import com.tierpoint.core.shared.application.AfterCommit;
import com.tierpoint.core.shared.infrastructure.RoundTrip;
import com.tierpoint.core.shared.model.NotFound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way a write touches a member: lock the row, change its counters, save it with the
 * version moved on, and drop the cached view once the transaction has committed.
 */
@Component
public class MemberWrites {

    private final MemberMapper members;
    private final MemberBatchDao batches;
    private final MemberViewCache cache;
    private final Outbox outbox;
    private final AfterCommit afterCommit;

    MemberWrites(
            MemberMapper members,
            MemberBatchDao batches,
            MemberViewCache cache,
            Outbox outbox,
            AfterCommit afterCommit) {
        this.members = members;
        this.batches = batches;
        this.cache = cache;
        this.outbox = outbox;
        this.afterCommit = afterCommit;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public MemberRow lock(long memberId) {
        MemberRow row = members.lockById(memberId);
        if (row == null) {
            throw new NotFound("member " + memberId);
        }
        return row;
    }

    /** Locks a member and opens a change to it at the given business time. */
    @Transactional(propagation = Propagation.MANDATORY)
    public MemberChange begin(long memberId, Instant now) {
        return new MemberChange(lock(memberId), now);
    }

    /**
     * Locks a batch's members with one statement in the round trip {@code reads}, in member-id
     * order (the order every batch locks in), and, once it has run, opens one change per entry, in
     * order, at one business time; null where the member does not exist. Entries of one member
     * share its row, one after the other: {@link #commitPointsChanges} saves them together.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Supplier<List<MemberChange>> beginAll(RoundTrip reads, List<Long> memberIds, Instant now) {
        RoundTrip.Rows<MemberRow> rows = batches.lockAll(reads, new TreeSet<>(memberIds));
        return () -> {
            Map<Long, MemberRow> locked = new HashMap<>();
            rows.get().forEach(r -> locked.put(r.id, r));
            List<MemberChange> changes = new ArrayList<>(memberIds.size());
            for (Long id : memberIds) {
                MemberRow row = locked.get(id);
                changes.add(row == null ? null : new MemberChange(row, now));
            }
            return changes;
        };
    }

    /**
     * Saves changes that moved only members' points balances, in order, with one statement for
     * the members and one for the outbox, both added to {@code writes}. Each change counts as one
     * version of its member, as if saved by {@link #commit} in turn: the n-th change of a member
     * carries version + n on its events, and the member ends at version + (its number of changes).
     * The round trip fails if a member had changed without its lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void commitPointsChanges(List<MemberChange> changes, RoundTrip writes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<Long, MemberRow> rows = new LinkedHashMap<>();
        Map<Long, Long> counted = new HashMap<>();
        List<OutboxRow> events = new ArrayList<>();
        long updatedAt = 0;
        for (MemberChange c : changes) {
            MemberRow row = c.member();
            if (row.pointsBalance < 0) {
                throw new IllegalStateException("points balance of member " + row.id + " would go negative");
            }
            MemberRow first = rows.putIfAbsent(row.id, row);
            if (first != null && first != row) {
                throw new IllegalStateException("two rows of member " + row.id + " in one save");
            }
            long version = row.version + counted.merge(row.id, 1L, Long::sum);
            updatedAt = Math.max(updatedAt, c.now().toEpochMilli());
            for (MemberChange.PendingEvent e : c.events()) {
                events.add(outbox.row(row.id, version, e.type(), c.now(), e.payload()));
            }
        }
        List<PointsSave> saves = new ArrayList<>(rows.size());
        rows.values()
                .forEach(r ->
                        saves.add(new PointsSave(r.id, r.pointsBalance, r.version, r.version + counted.get(r.id))));
        batches.savePointsBalances(writes, saves, updatedAt);
        for (MemberRow r : rows.values()) {
            r.version = r.version + counted.get(r.id);
            r.updatedAt = updatedAt;
            invalidateAfterCommit(r.id, r.version);
        }
        outbox.appendAll(writes, events);
    }

    /** Saves the change and writes its events to the outbox, stamped with the new member version. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long commit(MemberChange change) {
        long version = save(change.member(), change.now());
        for (MemberChange.PendingEvent e : change.events()) {
            outbox.append(change.memberId(), version, e.type(), change.now(), e.payload());
        }
        return version;
    }

    /** Saves a locked member; returns its new version (the version outbox rows of this change carry). */
    @Transactional(propagation = Propagation.MANDATORY)
    public long save(MemberRow row, Instant now) {
        if (row.pointsBalance < 0) {
            throw new IllegalStateException("points balance of member " + row.id + " would go negative");
        }
        row.updatedAt = now.toEpochMilli();
        if (members.saveCounters(row) != 1) {
            throw new IllegalStateException("member " + row.id + " changed without its lock");
        }
        row.version = row.version + 1;
        invalidateAfterCommit(row.id, row.version);
        return row.version;
    }

    /**
     * Drops the member's cached view once the transaction has committed. A transaction that saves
     * a member several times (a group commit of its requests, ADR 0012) invalidates it once, with
     * the newest version: tombstones only ever move a view forward, so that is the same as doing
     * each in turn. Every member the transaction saved is invalidated with one Redis call.
     */
    void invalidateAfterCommit(long memberId, long version) {
        Invalidations pending = (Invalidations) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Invalidations();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.versions.merge(memberId, version, Math::max);
    }

    /** The members a transaction saved, with the newest version of each, in the order first saved. */
    private final class Invalidations implements TransactionSynchronization {

        private final Map<Long, Long> versions = new LinkedHashMap<>();

        @Override
        public void afterCommit() {
            afterCommit.run(() -> cache.invalidateAll(versions));
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(MemberWrites.this);
        }
    }
}
