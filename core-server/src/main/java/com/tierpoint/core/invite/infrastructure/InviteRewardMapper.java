package com.tierpoint.core.invite.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface InviteRewardMapper extends BaseMapper<InviteRewardRow> {

    @Select("SELECT * FROM invite_reward WHERE invitation_id = #{invitationId} ORDER BY id")
    List<InviteRewardRow> ofInvitation(@Param("invitationId") long invitationId);

    @Select(
            """
            <script>
            SELECT * FROM invite_reward
             WHERE invitation_id IN <foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach>
             ORDER BY invitation_id, id
            </script>
            """)
    List<InviteRewardRow> ofInvitations(@Param("ids") List<Long> invitationIds);

    @Update(
            """
            UPDATE invite_reward SET status = #{r.status}, earn_txn_id = #{r.earnTxnId},
                   points_reversed = #{r.pointsReversed}, points_unrecovered = #{r.pointsUnrecovered},
                   growth_reversed = #{r.growthReversed}, updated_at = #{r.updatedAt}
             WHERE id = #{r.id}
            """)
    int save(@Param("r") InviteRewardRow reward);
}
