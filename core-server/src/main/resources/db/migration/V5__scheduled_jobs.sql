-- Scheduled jobs. Correctness comes from member row locks and unique keys; the lease only keeps
-- instances from scanning the same candidates at the same time.
CREATE TABLE job_lease (
    name         VARCHAR(64)  NOT NULL PRIMARY KEY,
    owner        VARCHAR(64),
    lease_until  BIGINT       NOT NULL,
    -- a job-specific watermark, e.g. lots expiring at or before it are all settled
    cursor_ms    BIGINT       NOT NULL,
    last_run_at  BIGINT,
    last_result  VARCHAR(255)
);

-- One reminder per member, kind and subject (e.g. an expiry date): the unique key is the guard.
CREATE TABLE reminder_log (
    member_id   BIGINT      NOT NULL,
    kind        VARCHAR(32) NOT NULL,
    subject     VARCHAR(64) NOT NULL,
    created_at  BIGINT      NOT NULL,
    PRIMARY KEY (member_id, kind, subject)
);

-- One birthday gift per member and calendar year (program time zone).
CREATE TABLE birthday_grant (
    member_id   BIGINT NOT NULL,
    gift_year   INT    NOT NULL,
    txn_id      BIGINT,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (member_id, gift_year)
);

ALTER TABLE member ADD COLUMN birth_month INT;
UPDATE member SET birth_month = CAST(SUBSTRING(birthday, 6, 2) AS INT) WHERE birthday IS NOT NULL;
CREATE INDEX idx_member_birth_month ON member (birth_month, id);
CREATE INDEX idx_member_tier_valid ON member (tier_valid_until);
CREATE INDEX idx_lot_due ON points_lot (expires_at, remaining, member_id);
