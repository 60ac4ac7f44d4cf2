-- Tierpoint loyalty core. All instants are epoch milliseconds (UTC) in BIGINT columns; all money
-- is integer fen; all ids are made by the application (no AUTO_INCREMENT) so that every table
-- can later be sharded by member_id.

-- The program definition (tiers, earn rules, expiry) as one JSON document; one row.
CREATE TABLE program (
    id          BIGINT       NOT NULL PRIMARY KEY,
    version     BIGINT       NOT NULL,
    definition  TEXT         NOT NULL,
    updated_at  BIGINT       NOT NULL
);

CREATE TABLE member (
    id               BIGINT       NOT NULL PRIMARY KEY,
    app_id           VARCHAR(64)  NOT NULL,
    openid           VARCHAR(128) NOT NULL,
    unionid          VARCHAR(128),
    nickname         VARCHAR(64),
    birthday         VARCHAR(10),
    tier_code        VARCHAR(32)  NOT NULL,
    tier_since       BIGINT       NOT NULL,
    tier_valid_until BIGINT,
    -- available + pending points: always the sum of ledger lines and of lots' remaining
    points_balance   BIGINT       NOT NULL,
    growth_value     BIGINT       NOT NULL,
    total_spend_fen  BIGINT       NOT NULL,
    order_count      BIGINT       NOT NULL,
    valid_invites    BIGINT       NOT NULL,
    -- incremented by every change; orders cached views and outbox rows per member
    version          BIGINT       NOT NULL,
    enrolled_at      BIGINT       NOT NULL,
    updated_at       BIGINT       NOT NULL,
    CONSTRAINT uk_member_identity UNIQUE (app_id, openid)
);
CREATE INDEX idx_member_unionid ON member (unionid);

-- Points are held in lots; spending draws from the soonest-expiring lot first.
CREATE TABLE points_lot (
    id            BIGINT NOT NULL PRIMARY KEY,
    member_id     BIGINT NOT NULL,
    earn_txn_id   BIGINT NOT NULL,
    amount        BIGINT NOT NULL,
    remaining     BIGINT NOT NULL,
    available_at  BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL,
    created_at    BIGINT NOT NULL,
    CONSTRAINT ck_lot_remaining CHECK (remaining >= 0 AND remaining <= amount)
);
CREATE INDEX idx_lot_member_expiry ON points_lot (member_id, expires_at, id);
CREATE INDEX idx_lot_earn_txn ON points_lot (earn_txn_id);

-- The points ledger: append-only, one line per change.
CREATE TABLE points_txn (
    id             BIGINT       NOT NULL PRIMARY KEY,
    member_id      BIGINT       NOT NULL,
    txn_type       VARCHAR(16)  NOT NULL,
    points         BIGINT       NOT NULL,
    balance_after  BIGINT       NOT NULL,
    reason         VARCHAR(128) NOT NULL,
    source         VARCHAR(64)  NOT NULL,
    ref_txn_id     BIGINT,
    order_id       VARCHAR(64),
    available_at   BIGINT,
    expires_at     BIGINT,
    created_at     BIGINT       NOT NULL
);
CREATE INDEX idx_txn_member ON points_txn (member_id, id);
CREATE INDEX idx_txn_ref ON points_txn (ref_txn_id);

-- Which lots a ledger line drew from (or returned points to).
CREATE TABLE points_txn_lot (
    txn_id  BIGINT NOT NULL,
    lot_id  BIGINT NOT NULL,
    points  BIGINT NOT NULL,
    PRIMARY KEY (txn_id, lot_id)
);
CREATE INDEX idx_txn_lot_lot ON points_txn_lot (lot_id);

-- Growth value (成长值): its own append-only ledger, never spent.
CREATE TABLE growth_txn (
    id             BIGINT       NOT NULL PRIMARY KEY,
    member_id      BIGINT       NOT NULL,
    amount         BIGINT       NOT NULL,
    balance_after  BIGINT       NOT NULL,
    reason         VARCHAR(128) NOT NULL,
    source         VARCHAR(64)  NOT NULL,
    order_id       VARCHAR(64),
    created_at     BIGINT       NOT NULL
);
CREATE INDEX idx_growth_member ON growth_txn (member_id, id);

-- Orders as reported by the order system, with what they granted.
CREATE TABLE member_order (
    order_id             VARCHAR(64) NOT NULL PRIMARY KEY,
    member_id            BIGINT      NOT NULL,
    amount_fen           BIGINT      NOT NULL,
    refunded_fen         BIGINT      NOT NULL,
    status               VARCHAR(24) NOT NULL,
    paid_at              BIGINT      NOT NULL,
    completed_at         BIGINT,
    earn_txn_id          BIGINT,
    points_granted       BIGINT      NOT NULL,
    points_reversed      BIGINT      NOT NULL,
    points_unrecovered   BIGINT      NOT NULL,
    growth_granted       BIGINT      NOT NULL,
    growth_reversed      BIGINT      NOT NULL,
    points_available_at  BIGINT      NOT NULL,
    updated_at           BIGINT      NOT NULL
);
CREATE INDEX idx_order_member_paid ON member_order (member_id, paid_at);

-- Exactly-once writes: the unique key is the guard, claimed in the same transaction as the effect.
CREATE TABLE idempotency_record (
    client_id     VARCHAR(64)  NOT NULL,
    idem_key      VARCHAR(128) NOT NULL,
    operation     VARCHAR(64)  NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    response      TEXT,
    created_at    BIGINT       NOT NULL,
    PRIMARY KEY (client_id, idem_key)
);
CREATE INDEX idx_idem_created ON idempotency_record (created_at);

-- Transactional outbox: one row per state change, written with it; ordered per member by
-- (member_version, id).
CREATE TABLE outbox_event (
    id              BIGINT      NOT NULL PRIMARY KEY,
    member_id       BIGINT      NOT NULL,
    member_version  BIGINT      NOT NULL,
    event_type      VARCHAR(48) NOT NULL,
    payload         TEXT        NOT NULL,
    created_at      BIGINT      NOT NULL
);
CREATE INDEX idx_outbox_member ON outbox_event (member_id, member_version, id);
