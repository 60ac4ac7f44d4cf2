package com.tierpoint.core.events;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface OutboxMapper extends BaseMapper<OutboxRow> {

    @Select("SELECT * FROM outbox_event WHERE member_id = #{memberId} ORDER BY member_version, id")
    List<OutboxRow> ofMember(@Param("memberId") long memberId);

    /** Sequenced rows in (after, upTo], in sequence order, optionally of some types only. */
    @Select(
            """
            <script>
            SELECT * FROM outbox_event
             WHERE seq &gt; #{after} AND seq &lt;= #{upTo}
             <if test="types != null and !types.isEmpty()">
               AND event_type IN
               <foreach item="t" collection="types" open="(" separator="," close=")">#{t}</foreach>
             </if>
             ORDER BY seq LIMIT #{limit}
            </script>
            """)
    List<OutboxRow> sequencedAfter(
            @Param("after") long after,
            @Param("upTo") long upTo,
            @Param("types") Collection<String> types,
            @Param("limit") int limit);

    /** Ids of sequenced rows that happened before the cutoff, lowest sequence first. */
    @Select(
            """
            SELECT id FROM outbox_event WHERE seq IS NOT NULL AND created_at < #{cutoff}
             ORDER BY seq LIMIT #{limit}
            """)
    List<Long> sequencedBefore(@Param("cutoff") long cutoffMillis, @Param("limit") int limit);

    @Delete(
            """
            <script>
            DELETE FROM outbox_event WHERE seq IS NOT NULL AND id IN
             <foreach item="id" collection="ids" open="(" separator="," close=")">#{id}</foreach>
            </script>
            """)
    int deleteSequenced(@Param("ids") Collection<Long> ids);
}
