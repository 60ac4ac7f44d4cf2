package com.tierpoint.core.events.application;

import com.tierpoint.core.events.OutboxMapper;
import com.tierpoint.core.events.OutboxRow;
import com.tierpoint.core.events.infrastructure.EventSequenceMapper;
import com.tierpoint.core.events.model.SequencedEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** The sequenced part of the outbox, read in sequence order. */
@Component
public class EventLog {

    private final OutboxMapper outbox;
    private final EventSequenceMapper sequence;

    EventLog(OutboxMapper outbox, EventSequenceMapper sequence) {
        this.outbox = outbox;
        this.sequence = sequence;
    }

    /** The last assigned sequence: every event up to it is committed and readable. */
    public long head() {
        return sequence.last();
    }

    /**
     * Events with a sequence in {@code (after, upTo]}, in sequence order.
     *
     * @param types event types to return; empty for all
     */
    public List<SequencedEvent> read(long after, long upTo, Collection<String> types, int limit) {
        if (upTo <= after || limit <= 0) {
            return List.of();
        }
        return outbox.sequencedAfter(after, upTo, types, limit).stream()
                .map(EventLog::event)
                .toList();
    }

    /**
     * Deletes up to {@code limit} sequenced events that happened before {@code cutoff}, lowest
     * sequence first. Unsequenced events are never deleted, so nothing vanishes before it could
     * be delivered; consumers lagging further behind than the retention lose what was purged.
     *
     * @return how many events were deleted
     */
    public int purgeSequencedBefore(Instant cutoff, int limit) {
        if (limit <= 0) {
            return 0;
        }
        List<Long> ids = outbox.sequencedBefore(cutoff.toEpochMilli(), limit);
        return ids.isEmpty() ? 0 : outbox.deleteSequenced(ids);
    }

    private static SequencedEvent event(OutboxRow r) {
        return new SequencedEvent(
                r.id, r.seq, r.eventType, r.memberId, r.memberVersion, Instant.ofEpochMilli(r.createdAt), r.payload);
    }
}
