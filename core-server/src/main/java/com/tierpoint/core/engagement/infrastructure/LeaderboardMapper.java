package com.tierpoint.core.engagement.infrastructure;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * Leaderboards straight from MySQL ({@code points_month}, {@code member_group}): the source the
 * Redis mirror is rebuilt from, and the answer while Redis cannot be used. Ties are listed by
 * member id, highest first, as Redis lists them.
 */
@Mapper
public interface LeaderboardMapper {

    class Total {
        public Long memberId;
        public Long points;
    }

    /** A month's total of a member with the member's version, read in one statement. */
    class VersionedTotal {
        public Long memberId;
        public Long points;
        public Long version;
    }

    /** One page of a month's totals, by member id, for rebuilding the mirror. */
    @Select(
            """
            SELECT p.member_id, p.points, m.version FROM points_month p JOIN member m ON m.id = p.member_id
             WHERE p.earn_month = #{month} AND p.member_id > #{afterId}
             ORDER BY p.member_id LIMIT #{limit}
            """)
    List<VersionedTotal> page(@Param("month") String month, @Param("afterId") long afterId, @Param("limit") int limit);

    /** Months from {@code fromMonth} on in which the member has a total. */
    @Select("SELECT earn_month FROM points_month WHERE member_id = #{memberId} AND earn_month >= #{fromMonth}")
    List<String> monthsOf(@Param("memberId") long memberId, @Param("fromMonth") String fromMonth);

    @Select(
            """
            SELECT member_id, points FROM points_month WHERE earn_month = #{month} AND points > 0
             ORDER BY points DESC, member_id DESC LIMIT #{limit}
            """)
    List<Total> top(@Param("month") String month, @Param("limit") int limit);

    @Select(
            """
            SELECT p.member_id, p.points FROM points_month p
              JOIN member_group g ON g.member_id = p.member_id AND g.group_id = #{groupId}
             WHERE p.earn_month = #{month} AND p.points > 0
             ORDER BY p.points DESC, p.member_id DESC LIMIT #{limit}
            """)
    List<Total> topOfGroup(@Param("month") String month, @Param("groupId") String groupId, @Param("limit") int limit);

    @Select("SELECT COUNT(*) FROM points_month WHERE earn_month = #{month} AND points > #{points}")
    long countAbove(@Param("month") String month, @Param("points") long points);

    @Select(
            """
            SELECT COUNT(*) FROM points_month p
              JOIN member_group g ON g.member_id = p.member_id AND g.group_id = #{groupId}
             WHERE p.earn_month = #{month} AND p.points > #{points}
            """)
    long countAboveInGroup(
            @Param("month") String month, @Param("groupId") String groupId, @Param("points") long points);

    /** The member's total of the month, or null when it earned nothing in it. */
    @Select("SELECT points FROM points_month WHERE member_id = #{memberId} AND earn_month = #{month}")
    Long totalOfMonth(@Param("memberId") long memberId, @Param("month") String month);

    @Select("SELECT COUNT(*) FROM member_group WHERE member_id = #{memberId} AND group_id = #{groupId}")
    int inGroup(@Param("memberId") long memberId, @Param("groupId") String groupId);
}
