package com.tierpoint.core.order.infrastructure;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** An order as reported, with what it granted and what refunds took back. */
@TableName("member_order")
public class OrderRow {
    /**
     * The status of a row {@link OrderMapper#claim claimed} by a first report and not filled in
     * yet. Never committed: the claiming transaction replaces it or rolls back.
     */
    public static final String CLAIMED = "CLAIMED";

    @TableId(type = IdType.INPUT)
    public String orderId;

    public Long memberId;
    public Long amountFen;
    public Long refundedFen;
    public String status;
    public Long paidAt;
    public Long completedAt;
    public Long earnTxnId;
    public Long pointsGranted;
    public Long pointsReversed;
    public Long pointsUnrecovered;
    public Long growthGranted;
    public Long growthReversed;
    public Long pointsAvailableAt;
    public Long updatedAt;

    /** Whether this row is a claim just made by this transaction: the order's first report. */
    public boolean claimedNow() {
        return CLAIMED.equals(status);
    }
}
