package com.tierpoint.core.points.application;

import com.tierpoint.core.events.EventType;
import com.tierpoint.core.member.application.MemberChange;
import com.tierpoint.core.member.infrastructure.MemberRow;
import com.tierpoint.core.points.infrastructure.GrowthTxnMapper;
import com.tierpoint.core.points.infrastructure.GrowthTxnRow;
import com.tierpoint.core.shared.infrastructure.IdGenerator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The growth-value ledger (成长值), for use cases holding a member's lock: one append-only line
 * per change, the member's counter kept equal to the sum of lines, never below zero.
 */
@Component
public class GrowthLedger {

    private final GrowthTxnMapper lines;
    private final IdGenerator ids;

    GrowthLedger(GrowthTxnMapper lines, IdGenerator ids) {
        this.lines = lines;
        this.ids = ids;
    }

    /**
     * Adds (or, negative, takes back) growth value; a take-back is capped at what the member
     * holds. Returns the amount actually applied.
     */
    public long change(MemberChange change, long amount, String reason, String source, String orderId) {
        MemberRow m = change.member();
        long applied = amount < 0 ? -Math.min(-amount, m.growthValue) : amount;
        if (applied == 0) {
            return 0;
        }
        m.growthValue += applied;
        GrowthTxnRow g = new GrowthTxnRow();
        g.id = ids.nextId();
        g.memberId = m.id;
        g.amount = applied;
        g.balanceAfter = m.growthValue;
        g.reason = reason;
        g.source = source;
        g.orderId = orderId;
        g.createdAt = change.now().toEpochMilli();
        lines.insert(g);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("growth", applied);
        p.put("growth_value", m.growthValue);
        p.put("reason", reason);
        p.put("source", source);
        if (orderId != null) {
            p.put("order_id", orderId);
        }
        change.emit(EventType.GROWTH_CHANGED, p);
        return applied;
    }
}
