-- Program analytics (ADR 0014): daily aggregates folded from the event stream by the analytics
-- job, so that a dashboard reads a few hundred small rows, never members or the ledger.
-- Days are program days, 'YYYY-MM-DD'.

-- The aggregator's position and its starting point. One row, locked by every fold: the rows a
-- fold changes and the offset it moves commit together, so each event counts exactly once.
CREATE TABLE analytics_state (
    id                INT         NOT NULL PRIMARY KEY,
    -- every event up to this sequence is folded in
    folded_seq        BIGINT      NOT NULL,
    seeded            BOOLEAN     NOT NULL,
    -- the program day aggregation started (the seed)
    covered_from_day  CHAR(10),
    -- occurred_at of the newest event folded, epoch ms
    as_of             BIGINT,
    -- members and outstanding points at the seed
    base_members      BIGINT      NOT NULL,
    base_outstanding  BIGINT      NOT NULL
);
INSERT INTO analytics_state (id, folded_seq, seeded, covered_from_day, as_of, base_members, base_outstanding)
VALUES (1, 0, FALSE, NULL, NULL, 0, 0);

-- Members per tier at the seed.
CREATE TABLE analytics_base_tier (
    tier_code  VARCHAR(32) NOT NULL PRIMARY KEY,
    members    BIGINT      NOT NULL
);

-- Events already reflected in the seed but not yet sequenced when it was taken: skipped once.
CREATE TABLE analytics_seed_skip (
    event_id  BIGINT NOT NULL PRIMARY KEY
);

-- One row per program day: flows of the day, and the day's change of the running totals.
CREATE TABLE analytics_daily (
    day                       CHAR(10) NOT NULL PRIMARY KEY,
    points_issued             BIGINT   NOT NULL DEFAULT 0,
    points_redeemed           BIGINT   NOT NULL DEFAULT 0,
    points_expired            BIGINT   NOT NULL DEFAULT 0,
    points_reversed           BIGINT   NOT NULL DEFAULT 0,
    points_returned           BIGINT   NOT NULL DEFAULT 0,
    points_operator_granted   BIGINT   NOT NULL DEFAULT 0,
    points_operator_deducted  BIGINT   NOT NULL DEFAULT 0,
    outstanding_delta         BIGINT   NOT NULL DEFAULT 0,
    members_enrolled          BIGINT   NOT NULL DEFAULT 0,
    members_delta             BIGINT   NOT NULL DEFAULT 0,
    active_members            BIGINT   NOT NULL DEFAULT 0,
    check_ins                 BIGINT   NOT NULL DEFAULT 0,
    invites_created           BIGINT   NOT NULL DEFAULT 0,
    invites_accepted          BIGINT   NOT NULL DEFAULT 0,
    invites_first_order       BIGINT   NOT NULL DEFAULT 0,
    invites_completed         BIGINT   NOT NULL DEFAULT 0,
    tier_upgrades             BIGINT   NOT NULL DEFAULT 0,
    tier_downgrades           BIGINT   NOT NULL DEFAULT 0
);

-- The day's change of members per tier.
CREATE TABLE analytics_daily_tier (
    day            CHAR(10)    NOT NULL,
    tier_code      VARCHAR(32) NOT NULL,
    members_delta  BIGINT      NOT NULL,
    PRIMARY KEY (day, tier_code)
);

-- Tier moves per day.
CREATE TABLE analytics_daily_move (
    day        CHAR(10)    NOT NULL,
    from_tier  VARCHAR(32) NOT NULL,
    to_tier    VARCHAR(32) NOT NULL,
    members    BIGINT      NOT NULL,
    PRIMARY KEY (day, from_tier, to_tier)
);

-- Who was active on a day: the insert that adds a member counts them, a repeat is ignored.
-- Days older than a week are purged by the aggregator.
CREATE TABLE analytics_active_day (
    day        CHAR(10) NOT NULL,
    member_id  BIGINT   NOT NULL,
    PRIMARY KEY (day, member_id)
);
