-- Members' mobile phones (mainland, 11 digits, normalized) for lookups; not unique.
ALTER TABLE member ADD COLUMN phone VARCHAR(11);
CREATE INDEX idx_member_phone ON member (phone);

-- Operators' reasons (up to 200 characters) are ledger reasons the member sees.
ALTER TABLE points_txn MODIFY reason VARCHAR(200) NOT NULL;

-- WeCom operators of the console: role, daily grant cap, active flag. Keyed by WeCom userid.
CREATE TABLE operator (
    user_id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    name             VARCHAR(64)  NOT NULL,
    role             VARCHAR(16)  NOT NULL,
    daily_grant_cap  BIGINT       NOT NULL,
    active           BOOLEAN      NOT NULL,
    created_at       BIGINT       NOT NULL,
    updated_at       BIGINT       NOT NULL
);

-- Points an operator moved per program day (|amount| of successful grants and deductions).
-- Changed only while the operator's row is locked, in the transaction of the adjustment.
CREATE TABLE operator_grant_day (
    user_id  VARCHAR(64) NOT NULL,
    day      CHAR(10)    NOT NULL,
    used     BIGINT      NOT NULL,
    PRIMARY KEY (user_id, day)
);

-- Everything operators did, append-only: who, when, what, member, amount, reason, result.
CREATE TABLE operator_audit (
    id           BIGINT        NOT NULL PRIMARY KEY,
    at           BIGINT        NOT NULL,
    actor        VARCHAR(64)   NOT NULL,
    action       VARCHAR(64)   NOT NULL,
    member_id    BIGINT,
    amount       BIGINT        NOT NULL,
    reason       VARCHAR(200)  NOT NULL,
    result       VARCHAR(8)    NOT NULL,
    reason_code  VARCHAR(64)   NOT NULL,
    detail       VARCHAR(1000) NOT NULL
);
CREATE INDEX idx_audit_actor ON operator_audit (actor, id);
CREATE INDEX idx_audit_member ON operator_audit (member_id, id);
CREATE INDEX idx_audit_action ON operator_audit (action, id);
