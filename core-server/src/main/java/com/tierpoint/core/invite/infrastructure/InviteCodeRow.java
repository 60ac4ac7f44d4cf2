package com.tierpoint.core.invite.infrastructure;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A row of {@code invite_code}: a code a member shares. Never changed once written. */
@TableName("invite_code")
public class InviteCodeRow {
    @TableId(type = IdType.INPUT)
    public String code;

    public Long inviterId;
    public Long createdAt;
    public Long expiresAt;
}
