-- Invitation rewards (邀请有礼). Instants are epoch milliseconds, ids are made by the application.

-- Codes members share. Looked up by code; a member's newest code is reused until it expires.
CREATE TABLE invite_code (
    code        VARCHAR(16) NOT NULL PRIMARY KEY,
    inviter_id  BIGINT      NOT NULL,
    created_at  BIGINT      NOT NULL,
    expires_at  BIGINT      NOT NULL
);
CREATE INDEX idx_invite_code_inviter ON invite_code (inviter_id, expires_at);

-- Accepted invitations per inviter in the current program day and month, for the caps. One row
-- per inviter, created with their first code and read FOR UPDATE under the inviter's lock, so a
-- cap holds however accepts interleave.
CREATE TABLE invite_quota (
    inviter_id   BIGINT NOT NULL PRIMARY KEY,
    day_start    BIGINT NOT NULL,
    day_count    INT    NOT NULL,
    month_start  BIGINT NOT NULL,
    month_count  INT    NOT NULL
);

-- One row per invitee (the unique key: one inviter per invitee). Changed only under the
-- invitee's member lock.
CREATE TABLE invitation (
    id                    BIGINT      NOT NULL PRIMARY KEY,
    code                  VARCHAR(16) NOT NULL,
    inviter_id            BIGINT      NOT NULL,
    invitee_id            BIGINT      NOT NULL,
    accepted_at           BIGINT      NOT NULL,
    -- ENROLLED, FIRST_ORDER_PAID or FIRST_ORDER_COMPLETED: the furthest stage reached
    stage                 VARCHAR(24) NOT NULL,
    -- the invitee's first qualifying order, and when its refund window ends
    order_id              VARCHAR(64),
    order_window_ends_at  BIGINT,
    -- the qualifying order was refunded below the minimum: its stage's rewards were taken back
    withheld              BOOLEAN     NOT NULL,
    -- counted in the inviter's valid_invites
    counted_valid         BOOLEAN     NOT NULL,
    -- when FIRST_ORDER_COMPLETED becomes due (order completed, refund window still running)
    complete_due_at       BIGINT,
    updated_at            BIGINT      NOT NULL,
    CONSTRAINT uk_invitation_invitee UNIQUE (invitee_id)
);
CREATE INDEX idx_invitation_inviter ON invitation (inviter_id, id);
CREATE INDEX idx_invitation_complete_due ON invitation (complete_due_at);

-- The invitee's inviter on the member row itself: an order of an invited member learns from the
-- row it locks first whether an inviter may be touched, and locks them before reading anything.
ALTER TABLE member ADD COLUMN invited_by BIGINT;

-- What each stage granted to each side: at most once, the unique key is the guard.
CREATE TABLE invite_reward (
    id                  BIGINT      NOT NULL PRIMARY KEY,
    invitation_id       BIGINT      NOT NULL,
    stage               VARCHAR(24) NOT NULL,
    beneficiary         VARCHAR(8)  NOT NULL,
    member_id           BIGINT      NOT NULL,
    points              BIGINT      NOT NULL,
    growth              BIGINT      NOT NULL,
    -- GRANTED (pending until available_at) or WITHHELD
    status              VARCHAR(12) NOT NULL,
    earn_txn_id         BIGINT,
    available_at        BIGINT      NOT NULL,
    points_reversed     BIGINT      NOT NULL,
    points_unrecovered  BIGINT      NOT NULL,
    growth_reversed     BIGINT      NOT NULL,
    created_at          BIGINT      NOT NULL,
    updated_at          BIGINT      NOT NULL,
    CONSTRAINT uk_invite_reward_stage UNIQUE (invitation_id, stage, beneficiary)
);
