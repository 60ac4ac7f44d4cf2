package com.tierpoint.core.operator.infrastructure;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** {@code operator_grant_day}: points each operator moved per program day. */
@Mapper
public interface GrantDayMapper {

    @Select("SELECT used FROM operator_grant_day WHERE user_id = #{userId} AND day = #{day}")
    Long used(@Param("userId") String userId, @Param("day") String day);

    /** Adds to the day's total; called only under the operator's row lock. */
    @Insert(
            """
            INSERT INTO operator_grant_day (user_id, day, used) VALUES (#{userId}, #{day}, #{points})
            ON DUPLICATE KEY UPDATE used = used + #{points}
            """)
    int add(@Param("userId") String userId, @Param("day") String day, @Param("points") long points);
}
