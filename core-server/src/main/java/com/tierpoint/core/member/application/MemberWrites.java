package com.tierpoint.core.member.application;

import com.tierpoint.core.cache.MemberViewCache;
import com.tierpoint.core.events.Outbox;
import com.tierpoint.core.member.infrastructure.MemberMapper;
import com.tierpoint.core.member.infrastructure.MemberRow;
import com.tierpoint.core.shared.model.NotFound;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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
    private final MemberViewCache cache;
    private final Outbox outbox;

    MemberWrites(MemberMapper members, MemberViewCache cache, Outbox outbox) {
        this.members = members;
        this.cache = cache;
        this.outbox = outbox;
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
     * each in turn.
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
            versions.forEach(cache::invalidate);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(MemberWrites.this);
        }
    }
}
