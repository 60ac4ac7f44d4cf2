-- Engagement: daily check-in, monthly points totals for leaderboards, WeCom customer groups.
-- Days and months are those of the program's time zone, stored as text ("YYYY-MM-DD",
-- "YYYY-MM") so that they sort and compare as dates without any time-zone conversion.

-- One row per member and program day: the primary key is what makes check-in once a day.
CREATE TABLE check_in (
    member_id      BIGINT       NOT NULL,
    check_in_day   CHAR(10)     NOT NULL,
    -- consecutive days up to and including this one
    streak         INT          NOT NULL,
    points         BIGINT       NOT NULL,
    growth         BIGINT       NOT NULL,
    -- the EARN line of the points; null when the day's reward was 0 points
    earn_txn_id    BIGINT,
    checked_in_at  BIGINT       NOT NULL,
    PRIMARY KEY (member_id, check_in_day)
);

-- Points earned per member and month, less earns reversed in that month: written in the same
-- transaction as the ledger line that changes it. The source of truth of the leaderboards
-- (Redis holds a rebuildable mirror).
CREATE TABLE points_month (
    member_id   BIGINT   NOT NULL,
    earn_month  CHAR(7)  NOT NULL,
    points      BIGINT   NOT NULL,
    updated_at  BIGINT   NOT NULL,
    PRIMARY KEY (member_id, earn_month)
);
CREATE INDEX idx_points_month_rank ON points_month (earn_month, points);

-- WeCom customer groups (客户群) a member belongs to. Group ids are case-sensitive ASCII.
CREATE TABLE member_group (
    member_id  BIGINT                                     NOT NULL,
    group_id   VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    joined_at  BIGINT                                     NOT NULL,
    PRIMARY KEY (member_id, group_id)
);
CREATE INDEX idx_member_group_group ON member_group (group_id, member_id);
