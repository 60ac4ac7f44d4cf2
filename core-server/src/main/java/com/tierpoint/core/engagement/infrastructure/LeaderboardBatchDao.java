package com.tierpoint.core.engagement.infrastructure;

import com.tierpoint.core.shared.infrastructure.RoundTrip;
import com.tierpoint.core.shared.infrastructure.SizedSql;
import java.util.Collection;
import org.springframework.stereotype.Component;

/** What the leaderboard mirror reads per grouped write, over plain JDBC (ADR 0017), in round trips (ADR 0018). */
@Component
public class LeaderboardBatchDao {

    private static final SizedSql VERSIONED_TOTALS =
            new SizedSql(n -> "SELECT m.id AS member_id, COALESCE(p.points, 0) AS points, m.version FROM member m"
                    + " LEFT JOIN points_month p ON p.member_id = m.id AND p.earn_month = ?"
                    + " WHERE m.id IN " + SizedSql.placeholders(n));

    private static final SizedSql GROUPS_OF_MEMBERS = new SizedSql(
            n -> "SELECT member_id, group_id FROM member_group WHERE member_id IN " + SizedSql.placeholders(n));

    /**
     * Members' totals of a month and their versions, under their locks (inside their write
     * transaction); at least one member.
     */
    public RoundTrip.Rows<LeaderboardMapper.VersionedTotal> versionedTotals(
            RoundTrip trip, Collection<Long> memberIds, String month) {
        return trip.query(
                VERSIONED_TOTALS.of(memberIds.size()), p -> p.add(month).addEach(memberIds), rs -> {
                    LeaderboardMapper.VersionedTotal t = new LeaderboardMapper.VersionedTotal();
                    t.memberId = rs.getLong("member_id");
                    t.points = rs.getLong("points");
                    t.version = rs.getLong("version");
                    return t;
                });
    }

    /** The groups of these members (member and group only); at least one member. */
    public RoundTrip.Rows<MemberGroupMapper.Membership> groupsOfMembers(RoundTrip trip, Collection<Long> memberIds) {
        return trip.query(GROUPS_OF_MEMBERS.of(memberIds.size()), p -> p.addEach(memberIds), rs -> {
            MemberGroupMapper.Membership m = new MemberGroupMapper.Membership();
            m.memberId = rs.getLong("member_id");
            m.groupId = rs.getString("group_id");
            return m;
        });
    }
}
