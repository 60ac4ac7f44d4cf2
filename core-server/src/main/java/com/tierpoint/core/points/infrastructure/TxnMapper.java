package com.tierpoint.core.points.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface TxnMapper extends BaseMapper<TxnRow> {

    /** Newest first, keyset-paged: lines with an id below {@code beforeId}. */
    @Select(
            """
            SELECT * FROM points_txn WHERE member_id = #{memberId} AND id < #{beforeId}
             ORDER BY id DESC LIMIT #{limit}
            """)
    List<TxnRow> page(@Param("memberId") long memberId, @Param("beforeId") long beforeId, @Param("limit") int limit);

    /** Points already reversed of a transaction (reversals are positive for a redeem, negative for an earn). */
    @Select("SELECT COALESCE(SUM(ABS(points)), 0) FROM points_txn WHERE ref_txn_id = #{txnId} AND txn_type = 'REVERSE'")
    long reversedOf(@Param("txnId") long txnId);
}
