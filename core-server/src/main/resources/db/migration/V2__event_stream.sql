-- The outbox as a durable event stream (ADR 0007). Snowflake ids are made by each instance at
-- insert time, so their order is not commit order: consumers page by `seq` instead, a position
-- assigned only after the row has committed, under a lock on the one-row event_sequence table.

-- NULL until the sequencer has assigned it; unique, and the order in which events are delivered.
ALTER TABLE outbox_event ADD COLUMN seq BIGINT NULL;
CREATE UNIQUE INDEX uk_outbox_seq ON outbox_event (seq);

-- The last assigned sequence. Sequencers lock this row (SELECT ... FOR UPDATE) for the whole
-- assignment, so sequences of any number of instances are committed in increasing order.
CREATE TABLE event_sequence (
    id        INT    NOT NULL PRIMARY KEY,
    last_seq  BIGINT NOT NULL
);
INSERT INTO event_sequence (id, last_seq) VALUES (1, 0);

-- Durable consumers: names are scoped by the authenticated client.
CREATE TABLE event_consumer (
    client_id   VARCHAR(64) NOT NULL,
    name        VARCHAR(64) NOT NULL,
    -- every event up to this sequence has been processed; only ever grows
    acked_seq   BIGINT      NOT NULL,
    -- the stream that currently owns the consumer; a newer Subscribe replaces it, and an
    -- older stream that finds another session here ends itself
    session_id  BIGINT      NOT NULL,
    created_at  BIGINT      NOT NULL,
    updated_at  BIGINT      NOT NULL,
    PRIMARY KEY (client_id, name)
);
