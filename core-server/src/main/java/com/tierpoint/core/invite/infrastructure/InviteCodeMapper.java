package com.tierpoint.core.invite.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface InviteCodeMapper extends BaseMapper<InviteCodeRow> {

    /** The inviter's code that stays valid longest, if one is still valid at {@code nowMs}. */
    @Select(
            """
            SELECT * FROM invite_code WHERE inviter_id = #{inviterId} AND expires_at > #{nowMs}
             ORDER BY expires_at DESC LIMIT 1
            """)
    InviteCodeRow activeOf(@Param("inviterId") long inviterId, @Param("nowMs") long nowMs);
}
