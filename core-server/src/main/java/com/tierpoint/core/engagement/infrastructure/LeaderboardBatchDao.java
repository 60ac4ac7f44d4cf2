package com.tierpoint.core.engagement.infrastructure;

import com.tierpoint.core.shared.infrastructure.Params;
import com.tierpoint.core.shared.infrastructure.SizedSql;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What the leaderboard mirror reads per grouped write, over plain JDBC (ADR 0017). */
@Component
public class LeaderboardBatchDao {

    private static final SizedSql VERSIONED_TOTALS =
            new SizedSql(n -> "SELECT m.id AS member_id, COALESCE(p.points, 0) AS points, m.version FROM member m"
                    + " LEFT JOIN points_month p ON p.member_id = m.id AND p.earn_month = ?"
                    + " WHERE m.id IN " + SizedSql.placeholders(n));

    private static final SizedSql GROUPS_OF_MEMBERS = new SizedSql(
            n -> "SELECT member_id, group_id FROM member_group WHERE member_id IN " + SizedSql.placeholders(n));

    private final JdbcTemplate jdbc;

    LeaderboardBatchDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Members' totals of a month and their versions, under their locks (call inside their write transaction). */
    public List<LeaderboardMapper.VersionedTotal> versionedTotals(Collection<Long> memberIds, String month) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                VERSIONED_TOTALS.of(memberIds.size()),
                ps -> new Params(ps).add(month).addEach(memberIds),
                (rs, i) -> {
                    LeaderboardMapper.VersionedTotal t = new LeaderboardMapper.VersionedTotal();
                    t.memberId = rs.getLong("member_id");
                    t.points = rs.getLong("points");
                    t.version = rs.getLong("version");
                    return t;
                });
    }

    /** The groups of these members (member and group only). */
    public List<MemberGroupMapper.Membership> groupsOfMembers(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(GROUPS_OF_MEMBERS.of(memberIds.size()), ps -> new Params(ps).addEach(memberIds), (rs, i) -> {
            MemberGroupMapper.Membership m = new MemberGroupMapper.Membership();
            m.memberId = rs.getLong("member_id");
            m.groupId = rs.getString("group_id");
            return m;
        });
    }
}
