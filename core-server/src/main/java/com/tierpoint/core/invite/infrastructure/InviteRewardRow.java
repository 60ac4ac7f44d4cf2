package com.tierpoint.core.invite.infrastructure;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** What one stage of an invitation granted to one side, and what a refund took back. */
@TableName("invite_reward")
public class InviteRewardRow {
    @TableId(type = IdType.INPUT)
    public Long id;

    public Long invitationId;
    public String stage;
    public String beneficiary;
    public Long memberId;
    public Long points;
    public Long growth;
    public String status;
    public Long earnTxnId;
    public Long availableAt;
    public Long pointsReversed;
    public Long pointsUnrecovered;
    public Long growthReversed;
    public Long createdAt;
    public Long updatedAt;
}
