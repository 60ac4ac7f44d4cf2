package com.tierpoint.core.points.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface LotMapper extends BaseMapper<LotRow> {

    /** Lots still holding points, soonest-expiring first. */
    @Select("SELECT * FROM points_lot WHERE member_id = #{memberId} AND remaining > 0 ORDER BY expires_at, id")
    List<LotRow> openLots(@Param("memberId") long memberId);

    @Select("SELECT * FROM points_lot WHERE earn_txn_id = #{earnTxnId}")
    LotRow byEarnTxn(@Param("earnTxnId") long earnTxnId);

    /** Guarded: a lot never goes below zero, whatever the caller computed. */
    @Update("UPDATE points_lot SET remaining = remaining - #{points} WHERE id = #{id} AND remaining >= #{points}")
    int draw(@Param("id") long id, @Param("points") long points);

    /** Guarded: a lot never holds more than it was granted. */
    @Update(
            "UPDATE points_lot SET remaining = remaining + #{points} WHERE id = #{id} AND remaining + #{points} <= amount")
    int restore(@Param("id") long id, @Param("points") long points);

    /** Open lots of several members, each member's soonest-expiring first. */
    @Select(
            """
            <script>
            SELECT * FROM points_lot WHERE remaining > 0 AND member_id IN
            <foreach item="m" collection="memberIds" open="(" separator="," close=")">#{m}</foreach>
            ORDER BY member_id, expires_at, id
            </script>
            """)
    List<LotRow> openLotsOf(@Param("memberIds") Collection<Long> memberIds);

    @Insert(
            """
            <script>
            INSERT INTO points_lot (id, member_id, earn_txn_id, amount, remaining, available_at, expires_at, created_at)
            VALUES
            <foreach item="l" collection="rows" separator=",">
              (#{l.id}, #{l.memberId}, #{l.earnTxnId}, #{l.amount}, #{l.remaining}, #{l.availableAt}, #{l.expiresAt},
               #{l.createdAt})
            </foreach>
            </script>
            """)
    int insertAll(@Param("rows") List<LotRow> rows);

    /** Points taken from one lot. */
    record Take(long lotId, long points) {}

    /**
     * Guarded like {@link #draw}, for several lots in one statement: answers how many lots were
     * drawn from, which is fewer than asked when one holds too little.
     */
    @Update(
            """
            <script>
            UPDATE points_lot SET
              remaining = remaining - CASE id <foreach item="t" collection="takes">WHEN #{t.lotId} THEN #{t.points} </foreach> END
             WHERE id IN <foreach item="t" collection="takes" open="(" separator="," close=")">#{t.lotId}</foreach>
               AND remaining &gt;= CASE id <foreach item="t" collection="takes">WHEN #{t.lotId} THEN #{t.points} </foreach> END
            </script>
            """)
    int drawAll(@Param("takes") List<Take> takes);
}
