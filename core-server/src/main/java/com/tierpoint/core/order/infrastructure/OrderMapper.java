package com.tierpoint.core.order.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface OrderMapper extends BaseMapper<OrderRow> {

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
