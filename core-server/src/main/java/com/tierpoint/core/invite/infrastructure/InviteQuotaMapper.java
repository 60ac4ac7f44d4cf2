package com.tierpoint.core.invite.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface InviteQuotaMapper extends BaseMapper<InviteQuotaRow> {

    /**
     * The inviter's counters, locked. A locking read sees the latest committed counts whatever
     * the transaction read before, so the caps hold under any interleaving.
     */
    @Select("SELECT * FROM invite_quota WHERE inviter_id = #{inviterId} FOR UPDATE")
    InviteQuotaRow lock(@Param("inviterId") long inviterId);

    @Update(
            """
            UPDATE invite_quota SET day_start = #{q.dayStart}, day_count = #{q.dayCount},
                   month_start = #{q.monthStart}, month_count = #{q.monthCount}
             WHERE inviter_id = #{q.inviterId}
            """)
    int save(@Param("q") InviteQuotaRow quota);
}
