package com.tierpoint.core.points.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
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
}
