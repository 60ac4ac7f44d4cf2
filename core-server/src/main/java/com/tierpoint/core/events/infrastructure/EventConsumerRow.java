package com.tierpoint.core.events.infrastructure;

/** A row of {@code event_consumer}. */
public class EventConsumerRow {
    public String clientId;
    public String name;
    public Long ackedSeq;
    public Long sessionId;
    public Long createdAt;
    public Long updatedAt;
}
