package com.tierpoint.core.events;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.tierpoint.core.events.model.SequencePlan;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface OutboxMapper extends BaseMapper<OutboxRow> {

    @Insert(
            """
            <script>
            INSERT INTO outbox_event (id, member_id, member_version, event_type, payload, created_at) VALUES
            <foreach item="r" collection="rows" separator=",">
              (#{r.id}, #{r.memberId}, #{r.memberVersion}, #{r.eventType}, #{r.payload}, #{r.createdAt})
            </foreach>
            </script>
            """)
    int insertAll(@Param("rows") List<OutboxRow> rows);

    @Select("SELECT * FROM outbox_event WHERE member_id = #{memberId} ORDER BY member_version, id")
    List<OutboxRow> ofMember(@Param("memberId") long memberId);

    /** Committed rows without a sequence yet, oldest ids first. */
    @Select("SELECT id, member_id, member_version FROM outbox_event WHERE seq IS NULL ORDER BY id LIMIT #{limit}")
    List<OutboxRow> unsequenced(@Param("limit") int limit);

    /** Every committed row without a sequence yet of these members. */
    @Select(
            """
            <script>
            SELECT id, member_id, member_version FROM outbox_event
             WHERE seq IS NULL AND member_id IN
             <foreach item="m" collection="memberIds" open="(" separator="," close=")">#{m}</foreach>
            </script>
            """)
    List<OutboxRow> unsequencedOf(@Param("memberIds") Collection<Long> memberIds);

    /** Writes a batch of sequences in one statement; only rows still unsequenced are touched. */
    @Update(
            """
            <script>
            UPDATE outbox_event SET seq = CASE id
             <foreach item="a" collection="assignments">WHEN #{a.id} THEN #{a.seq} </foreach>
             END
             WHERE seq IS NULL AND id IN
             <foreach item="a" collection="assignments" open="(" separator="," close=")">#{a.id}</foreach>
            </script>
            """)
    int assign(@Param("assignments") List<SequencePlan.Assignment> assignments);

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
