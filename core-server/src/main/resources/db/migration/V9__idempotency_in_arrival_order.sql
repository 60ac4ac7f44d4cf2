-- Idempotency records in the order they are made (ADR 0021). The key a client sends is random
-- (a UUID, typically), and as the clustered primary key it sent every insert to a random page of
-- a table that is mostly large response text: once the table outgrows the buffer pool, nearly
-- every claim reads a page from disk and splits it. Rows now go in id order (application ids,
-- time-ordered), and (client_id, idem_key) is a unique secondary key: a small index, still the
-- guard that makes a key claimable once.
CREATE TABLE idempotency_record_v9 (
    id            BIGINT       NOT NULL PRIMARY KEY,
    client_id     VARCHAR(64)  NOT NULL,
    idem_key      VARCHAR(128) NOT NULL,
    operation     VARCHAR(64)  NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    response      TEXT,
    created_at    BIGINT       NOT NULL,
    CONSTRAINT uk_idem_client_key UNIQUE (client_id, idem_key)
);
-- records made before: ids 1..n in the order they were made, below every application id
INSERT INTO idempotency_record_v9 (id, client_id, idem_key, operation, request_hash, response, created_at)
SELECT ROW_NUMBER() OVER (ORDER BY created_at, client_id, idem_key),
       client_id, idem_key, operation, request_hash, response, created_at
  FROM idempotency_record;
DROP TABLE idempotency_record;
ALTER TABLE idempotency_record_v9 RENAME TO idempotency_record;
CREATE INDEX idx_idem_created ON idempotency_record (created_at);
