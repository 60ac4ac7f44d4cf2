package com.tierpoint.core.operator.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface OperatorMapper extends BaseMapper<OperatorRow> {

    /** Locks an operator for the rest of the transaction: adjustments and changes of one operator serialise here. */
    @Select("SELECT * FROM operator WHERE user_id = #{userId} FOR UPDATE")
    OperatorRow lock(@Param("userId") String userId);

    /** Locks every active admin, in user id order (the last-admin rule counts them under these locks). */
    @Select("SELECT user_id FROM operator WHERE role = 'ADMIN' AND active = TRUE ORDER BY user_id FOR UPDATE")
    List<String> lockActiveAdmins();

    @Select("SELECT * FROM operator ORDER BY user_id")
    List<OperatorRow> all();

    @Insert(
            """
            INSERT INTO operator (user_id, name, role, daily_grant_cap, active, created_at, updated_at)
            VALUES (#{o.userId}, #{o.name}, #{o.role}, #{o.dailyGrantCap}, #{o.active}, #{o.createdAt}, #{o.updatedAt})
            """)
    int create(@Param("o") OperatorRow row);

    @Update(
            """
            UPDATE operator SET name = #{o.name}, role = #{o.role}, daily_grant_cap = #{o.dailyGrantCap},
                   active = #{o.active}, updated_at = #{o.updatedAt}
             WHERE user_id = #{o.userId}
            """)
    int replace(@Param("o") OperatorRow row);
}
