package com.tierpoint.core.events.model;

import java.time.Instant;

/**
 * An outbox event with its place in the stream.
 *
 * @param memberId 0 for program-wide events
 * @param payloadJson the JSON object written to the outbox with the change
 */
public record SequencedEvent(
        long id, long seq, String type, long memberId, long memberVersion, Instant occurredAt, String payloadJson) {}
