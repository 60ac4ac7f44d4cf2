package com.tierpoint.core.engagement.infrastructure;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface CheckInMapper {

    /** The primary key (member_id, check_in_day) refuses a second check-in of the same day. */
    @Insert(
            """
            INSERT INTO check_in (member_id, check_in_day, streak, points, growth, earn_txn_id, checked_in_at)
            VALUES (#{memberId}, #{checkInDay}, #{streak}, #{points}, #{growth}, #{earnTxnId}, #{checkedInAt})
            """)
    void insert(CheckInRow row);

    @Select("SELECT * FROM check_in WHERE member_id = #{memberId} AND check_in_day = #{day}")
    CheckInRow find(@Param("memberId") long memberId, @Param("day") String day);

    /** The member's most recent check-in on or before {@code day}. */
    @Select(
            """
            SELECT * FROM check_in WHERE member_id = #{memberId} AND check_in_day <= #{day}
             ORDER BY check_in_day DESC LIMIT 1
            """)
    CheckInRow latestOnOrBefore(@Param("memberId") long memberId, @Param("day") String day);

    /** Check-ins from {@code first} to {@code last} (inclusive), oldest first. */
    @Select(
            """
            SELECT * FROM check_in WHERE member_id = #{memberId} AND check_in_day BETWEEN #{first} AND #{last}
             ORDER BY check_in_day
            """)
    List<CheckInRow> between(
            @Param("memberId") long memberId, @Param("first") String first, @Param("last") String last);
}
