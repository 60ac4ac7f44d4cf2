package com.tierpoint.core.invite.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface InviteCodeMapper extends BaseMapper<InviteCodeRow> {

    /**
     * A code, read with a lock so that the accepting transaction's snapshot starts only once it
     * holds both members' locks. Codes are never updated; only other accepts of the same code,
     * which queue for the same inviter anyway, wait on it.
     */
    @Select("SELECT * FROM invite_code WHERE code = #{code} FOR UPDATE")
    InviteCodeRow lock(@Param("code") String code);

    /** The inviter's code that stays valid longest, if one is still valid at {@code nowMs}. */
    @Select(
            """
            SELECT * FROM invite_code WHERE inviter_id = #{inviterId} AND expires_at > #{nowMs}
             ORDER BY expires_at DESC LIMIT 1
            """)
    InviteCodeRow activeOf(@Param("inviterId") long inviterId, @Param("nowMs") long nowMs);
}
