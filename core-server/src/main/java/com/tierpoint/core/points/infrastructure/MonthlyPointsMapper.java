package com.tierpoint.core.points.infrastructure;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** {@code points_month}: points earned per member and program-zone month, less earns reversed in it. */
@Mapper
public interface MonthlyPointsMapper {

    /** Adds {@code delta} (negative for a reversal) to the member's total of the month. */
    @Insert(
            """
            INSERT INTO points_month (member_id, earn_month, points, updated_at)
            VALUES (#{memberId}, #{month}, #{delta}, #{now})
            ON DUPLICATE KEY UPDATE points = points + #{delta}, updated_at = #{now}
            """)
    void add(
            @Param("memberId") long memberId,
            @Param("month") String month,
            @Param("delta") long delta,
            @Param("now") long nowMs);

    /** The member's total of the month, or null when the member earned nothing in it. */
    @Select("SELECT points FROM points_month WHERE member_id = #{memberId} AND earn_month = #{month}")
    Long pointsOf(@Param("memberId") long memberId, @Param("month") String month);
}
