package com.tierpoint.core.invite.infrastructure;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** Accepted invitations of an inviter in the program day and month that start at the given instants. */
@TableName("invite_quota")
public class InviteQuotaRow {
    @TableId(type = IdType.INPUT)
    public Long inviterId;

    public Long dayStart;
    public Integer dayCount;
    public Long monthStart;
    public Integer monthCount;
}
