package com.tierpoint.core.invite.infrastructure;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A row of {@code invitation}: one invitee and their inviter, and how far the invitee has come. */
@TableName("invitation")
public class InvitationRow {
    @TableId(type = IdType.INPUT)
    public Long id;

    public String code;
    public Long inviterId;
    public Long inviteeId;
    public Long acceptedAt;
    public String stage;
    public String orderId;
    public Long orderWindowEndsAt;
    public Boolean withheld;
    public Boolean countedValid;
    public Long completeDueAt;
    public Long updatedAt;
}
