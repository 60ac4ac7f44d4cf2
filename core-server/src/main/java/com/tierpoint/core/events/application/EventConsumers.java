package com.tierpoint.core.events.application;

import com.tierpoint.core.events.infrastructure.EventConsumerMapper;
import com.tierpoint.core.events.infrastructure.EventConsumerRow;
import com.tierpoint.core.events.model.StartPosition;
import com.tierpoint.core.shared.infrastructure.IdGenerator;
import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Durable consumers: their acknowledged offsets and which stream owns each of them. Every
 * statement stands alone (no transaction spans a wait); the database row is the only shared
 * state, so any instance can serve any consumer.
 */
@Component
public class EventConsumers {

    /** A consumer as a stream sees it. */
    public record State(long ackedSeq, long sessionId) {}

    /** A consumer handed to a new stream: its session and the offset it resumes after. */
    public record Session(long sessionId, long ackedSeq) {}

    private final EventConsumerMapper consumers;
    private final EventLog log;
    private final IdGenerator ids;
    private final Clock clock;

    EventConsumers(EventConsumerMapper consumers, EventLog log, IdGenerator ids, Clock clock) {
        this.consumers = consumers;
        this.log = log;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Hands the consumer to a new session, creating it at {@code start} if it was never seen. Any
     * stream holding an older session of it ends itself when it next looks at the consumer.
     */
    public Session openSession(String clientId, String name, StartPosition start) {
        long session = ids.nextId();
        while (true) {
            long now = clock.millis();
            if (consumers.takeOver(clientId, name, session, now) == 1) {
                EventConsumerRow row = consumers.find(clientId, name);
                return new Session(session, row.ackedSeq);
            }
            EventConsumerRow row = new EventConsumerRow();
            row.clientId = clientId;
            row.name = name;
            row.ackedSeq = start == StartPosition.LATEST ? log.head() : 0L;
            row.sessionId = session;
            row.createdAt = now;
            row.updatedAt = now;
            try {
                consumers.insert(row);
                return new Session(session, row.ackedSeq);
            } catch (DuplicateKeyException createdConcurrently) {
                // another Subscribe created it a moment ago: take it over like any known consumer
            }
        }
    }

    public Optional<State> find(String clientId, String name) {
        EventConsumerRow row = consumers.find(clientId, name);
        return row == null ? Optional.empty() : Optional.of(new State(row.ackedSeq, row.sessionId));
    }

    /**
     * Moves the offset to {@code seq} unless it is already there or beyond.
     *
     * @return the offset afterwards, or empty when there is no such consumer
     */
    public Optional<Long> ack(String clientId, String name, long seq) {
        // the row count is not relied on: drivers differ on whether an unchanged row counts
        consumers.ack(clientId, name, seq, clock.millis());
        return find(clientId, name).map(State::ackedSeq);
    }
}
