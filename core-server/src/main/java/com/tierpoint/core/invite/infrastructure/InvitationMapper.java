package com.tierpoint.core.invite.infrastructure;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface InvitationMapper extends BaseMapper<InvitationRow> {

    @Select("SELECT * FROM invitation WHERE invitee_id = #{inviteeId}")
    InvitationRow byInvitee(@Param("inviteeId") long inviteeId);

    /**
     * A locking read of the invitee's invitation. Used before the transaction's first plain read,
     * when the caller knows the row exists (member.invited_by is set), so it locks that row only.
     */
    @Select("SELECT * FROM invitation WHERE invitee_id = #{inviteeId} FOR UPDATE")
    InvitationRow lockByInvitee(@Param("inviteeId") long inviteeId);

    /** Records the inviter on the invitee's (locked) member row. */
    @Update("UPDATE member SET invited_by = #{inviterId} WHERE id = #{inviteeId}")
    int setInvitedBy(@Param("inviteeId") long inviteeId, @Param("inviterId") long inviterId);

    /** The inviter's invitations, newest first, keyset-paged: ids below {@code beforeId}. */
    @Select(
            """
            SELECT * FROM invitation WHERE inviter_id = #{inviterId} AND id < #{beforeId}
             ORDER BY id DESC LIMIT #{limit}
            """)
    List<InvitationRow> page(
            @Param("inviterId") long inviterId, @Param("beforeId") long beforeId, @Param("limit") int limit);

    /** Invitations whose FIRST_ORDER_COMPLETED stage is due at {@code nowMs}, longest due first. */
    @Select(
            """
            SELECT * FROM invitation WHERE complete_due_at <= #{nowMs}
             ORDER BY complete_due_at, id LIMIT #{limit}
            """)
    List<InvitationRow> dueForCompletion(@Param("nowMs") long nowMs, @Param("limit") int limit);

    /**
     * Other members with the same unionid (the same WeChat user in another of the brand's apps, or
     * enrolled again) who enrolled before this one.
     */
    @Select(
            """
            SELECT COUNT(*) FROM member
             WHERE unionid = #{unionid} AND id <> #{memberId}
               AND (enrolled_at < #{enrolledAt} OR (enrolled_at = #{enrolledAt} AND id < #{memberId}))
            """)
    long earlierMembersWithUnionid(
            @Param("unionid") String unionid, @Param("memberId") long memberId, @Param("enrolledAt") long enrolledAt);

    /** Writes the progress of an invitation (nulls included, unlike updateById). */
    @Update(
            """
            UPDATE invitation SET stage = #{i.stage}, order_id = #{i.orderId},
                   order_window_ends_at = #{i.orderWindowEndsAt}, withheld = #{i.withheld},
                   counted_valid = #{i.countedValid}, complete_due_at = #{i.completeDueAt},
                   updated_at = #{i.updatedAt}
             WHERE id = #{i.id}
            """)
    int saveProgress(@Param("i") InvitationRow invitation);
}
