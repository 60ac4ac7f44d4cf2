package com.tierpoint.core.events;

import com.tierpoint.core.events.application.Sequencer;
import com.tierpoint.core.shared.infrastructure.IdGenerator;
import com.tierpoint.core.shared.infrastructure.Json;
import com.tierpoint.core.shared.infrastructure.RoundTrip;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes events to the outbox table. Only callable inside the transaction of the change it
 * describes, so an event exists if and only if its change committed. Once that transaction has
 * committed, the sequencer is nudged to give the new events their place in the stream.
 */
@Component
public class Outbox {

    private final OutboxMapper mapper;
    private final OutboxBatchDao batches;
    private final IdGenerator ids;
    /** One instance: a transaction that appends several events registers it once. */
    private final TransactionSynchronization nudgeSequencer;

    Outbox(OutboxMapper mapper, OutboxBatchDao batches, IdGenerator ids, Sequencer sequencer) {
        this.mapper = mapper;
        this.batches = batches;
        this.ids = ids;
        this.nudgeSequencer = new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sequencer.nudge();
            }
        };
    }

    /**
     * @param memberVersion the member's version after the change: events of one member are
     *     delivered in (member_version, id) order
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(long memberId, long memberVersion, EventType type, Instant at, Map<String, ?> payload) {
        mapper.insert(row(memberId, memberVersion, type, at, payload));
        TransactionSynchronizationManager.registerSynchronization(nudgeSequencer);
    }

    /** An event row, not yet written: see {@link #appendAll}. */
    public OutboxRow row(long memberId, long memberVersion, EventType type, Instant at, Map<String, ?> payload) {
        OutboxRow row = new OutboxRow();
        row.id = ids.nextId();
        row.memberId = memberId;
        row.memberVersion = memberVersion;
        row.eventType = type.wireName();
        row.payload = Json.write(payload);
        row.createdAt = at.toEpochMilli();
        return row;
    }

    /** Writes several events with one statement in {@code writes}, like {@link #append} each. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(RoundTrip writes, List<OutboxRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        batches.insertAll(writes, rows);
        TransactionSynchronizationManager.registerSynchronization(nudgeSequencer);
    }
}
