package com.tierpoint.core.events;

import com.tierpoint.core.shared.infrastructure.IdGenerator;
import com.tierpoint.core.shared.infrastructure.Json;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes events to the outbox table. Only callable inside the transaction of the change it
 * describes, so an event exists if and only if its change committed.
 */
@Component
public class Outbox {

    private final OutboxMapper mapper;
    private final IdGenerator ids;

    Outbox(OutboxMapper mapper, IdGenerator ids) {
        this.mapper = mapper;
        this.ids = ids;
    }

    /**
     * @param memberVersion the member's version after the change: events of one member are
     *     delivered in (member_version, id) order
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(long memberId, long memberVersion, EventType type, Instant at, Map<String, ?> payload) {
        OutboxRow row = new OutboxRow();
        row.id = ids.nextId();
        row.memberId = memberId;
        row.memberVersion = memberVersion;
        row.eventType = type.wireName();
        row.payload = Json.write(payload);
        row.createdAt = at.toEpochMilli();
        mapper.insert(row);
    }
}
