package com.tierpoint.core.points.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface TxnLotMapper extends BaseMapper<TxnLotRow> {

    /** Draws of the given lines with each lot's expiry, for showing a transaction's lots. */
    @Select(
            """
            <script>
            SELECT d.txn_id, d.lot_id, d.points, l.expires_at
              FROM points_txn_lot d JOIN points_lot l ON l.id = d.lot_id
             WHERE d.txn_id IN <foreach item='id' collection='txnIds' open='(' separator=',' close=')'>#{id}</foreach>
             ORDER BY d.txn_id, l.expires_at, d.lot_id
            </script>
            """)
    List<LotDrawRow> drawsOf(@Param("txnIds") List<Long> txnIds);

    /** Per lot: points a redeem drew, less what reversals of it already returned. */
    @Select(
            """
            SELECT d.lot_id AS lot_id,
                   d.points - COALESCE((SELECT SUM(r.points) FROM points_txn_lot r
                                          JOIN points_txn t ON t.id = r.txn_id
                                         WHERE t.ref_txn_id = #{redeemTxnId} AND r.lot_id = d.lot_id), 0) AS points,
                   l.expires_at AS expires_at, d.txn_id AS txn_id
              FROM points_txn_lot d JOIN points_lot l ON l.id = d.lot_id
             WHERE d.txn_id = #{redeemTxnId}
             ORDER BY l.expires_at DESC, d.lot_id DESC
            """)
    List<LotDrawRow> unreturnedDrawsOf(@Param("redeemTxnId") long redeemTxnId);

    /** A draw joined with its lot's expiry. */
    class LotDrawRow {
        public Long txnId;
        public Long lotId;
        public Long points;
        public Long expiresAt;
    }
}
