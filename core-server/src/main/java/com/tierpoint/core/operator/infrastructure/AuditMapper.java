package com.tierpoint.core.operator.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface AuditMapper extends BaseMapper<AuditRow> {

    /** Newest first, below {@code before} (keyset), with optional filters. */
    @Select(
            """
            <script>
            SELECT * FROM operator_audit
            <where>
              <if test="before != null">id &lt; #{before}</if>
              <if test="actor != null">AND actor = #{actor}</if>
              <if test="memberId != null">AND member_id = #{memberId}</if>
              <if test="action != null">AND action = #{action}</if>
            </where>
            ORDER BY id DESC LIMIT #{limit}
            </script>
            """)
    List<AuditRow> page(
            @Param("before") Long before,
            @Param("actor") String actor,
            @Param("memberId") Long memberId,
            @Param("action") String action,
            @Param("limit") int limit);
}
