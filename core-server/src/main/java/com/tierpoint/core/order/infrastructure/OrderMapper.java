package com.tierpoint.core.order.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface OrderMapper extends BaseMapper<OrderRow> {

    /**
     * Claims an order id without a gap lock (docs/adr/0016): inserts a placeholder row (status
     * {@link OrderRow#CLAIMED}) for an id not stored yet, which the calling transaction fills in
     * or rolls back; for a stored id it inserts nothing and locks the existing row. {@code
     * order_id} is the primary key, so either way InnoDB locks that one row exclusively: a new
     * id takes only an insert intention in its gap, which other new ids do not wait for, and the
     * duplicate of an upsert is locked exclusively as a record, not a gap (a plain or {@code
     * IGNORE} insert would lock it shared, and two sharers upgrading to exclusive deadlock). A
     * claim of a row another transaction has claimed but not committed waits for that one row.
     */
    @Insert(
            """
            INSERT INTO member_order (order_id, member_id, amount_fen, refunded_fen, status, paid_at,
                                      points_granted, points_reversed, points_unrecovered,
                                      growth_granted, growth_reversed, points_available_at, updated_at)
            VALUES (#{orderId}, #{memberId}, #{amountFen}, 0, 'CLAIMED', #{paidAt},
                    0, 0, 0, 0, 0, #{paidAt}, #{now})
            ON DUPLICATE KEY UPDATE status = status
            """)
    void claim(
            @Param("orderId") String orderId,
            @Param("memberId") long memberId,
            @Param("amountFen") long amountFen,
            @Param("paidAt") long paidAtMs,
            @Param("now") long nowMs);

    /**
     * Reads the order's row with an exclusive lock. Only for an id just {@linkplain #claim
     * claimed}: on a missing id InnoDB would lock the gap instead, and two transactions holding
     * the same gap deadlock as soon as both insert into it.
     */
    @Select("SELECT * FROM member_order WHERE order_id = #{orderId} FOR UPDATE")
    OrderRow lockById(@Param("orderId") String orderId);

    /** Net spend of orders paid at or after {@code sinceMs}. */
    @Select(
            """
            SELECT COALESCE(SUM(amount_fen - refunded_fen), 0) FROM member_order
             WHERE member_id = #{memberId} AND paid_at >= #{sinceMs}
            """)
    long spendSince(@Param("memberId") long memberId, @Param("sinceMs") long sinceMs);

    /** Orders paid at or after {@code sinceMs} and not fully refunded. */
    @Select(
            """
            SELECT COUNT(*) FROM member_order
             WHERE member_id = #{memberId} AND paid_at >= #{sinceMs} AND refunded_fen < amount_fen
            """)
    long ordersSince(@Param("memberId") long memberId, @Param("sinceMs") long sinceMs);
}
