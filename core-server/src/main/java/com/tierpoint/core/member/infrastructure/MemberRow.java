package com.tierpoint.core.member.infrastructure;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A row of {@code member}. Instants are epoch milliseconds. */
@TableName("member")
public class MemberRow {
    @TableId(type = IdType.INPUT)
    public Long id;

    public String appId;
    public String openid;
    public String unionid;
    public String nickname;
    public String birthday;
    /** 1-12, from the birthday; indexed for the birthday job. */
    public Integer birthMonth;
    /** Mainland mobile number, 11 digits; null when unknown. */
    public String phone;

    public String tierCode;
    public Long tierSince;
    public Long tierValidUntil;
    public Long pointsBalance;
    public Long growthValue;
    public Long totalSpendFen;
    public Long orderCount;
    public Long validInvites;
    /** The member's inviter, set by the invite feature when an invitation is accepted. */
    public Long invitedBy;

    public Long version;
    public Long enrolledAt;
    public Long updatedAt;
}
