package com.tierpoint.core.tier.application;

import com.tierpoint.core.events.EventType;
import com.tierpoint.core.member.application.MemberChange;
import com.tierpoint.core.member.application.MemberMetrics;
import com.tierpoint.core.member.infrastructure.MemberRow;
import com.tierpoint.core.order.infrastructure.OrderMapper;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.core.program.model.TierDefinition;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Upgrades a member in the same transaction as the change that crossed a threshold. Straight to
 * the highest tier the metrics support; never down (dropping is the retention job's business).
 */
@Component
public class RecalculatingTier {

    /** A tier move, to be written to the outbox with the member's new version. */
    public record TierChange(String fromCode, String toCode, Instant validUntil) {

        public boolean kept() {
            return fromCode.equals(toCode);
        }
    }

    private final OrderMapper orders;

    RecalculatingTier(OrderMapper orders) {
        this.orders = orders;
    }

    /**
     * Upgrades the member of a change when its metrics have crossed a threshold and queues the
     * tier.upgraded event, with what caused it (e.g. {@code order_id}) added to the payload.
     */
    public Optional<TierChange> upgradeIfEarned(MemberChange change, Program program, Map<String, ?> cause) {
        Optional<TierChange> move = upgradeIfEarned(change.member(), program, change.now());
        move.ifPresent(c -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("from_tier", c.fromCode());
            p.put("to_tier", c.toCode());
            p.put("valid_until", c.validUntil() == null ? null : c.validUntil().toString());
            p.putAll(cause);
            change.emit(EventType.TIER_UPGRADED, p);
        });
        return move;
    }

    /** Applies an upgrade to the locked, not yet saved member row. */
    public Optional<TierChange> upgradeIfEarned(MemberRow member, Program program, Instant now) {
        TierDefinition current = program.tier(member.tierCode);
        MemberMetrics metrics = new MemberMetrics(member, orders, now);
        return program.upgradeFor(current, metrics).map(target -> {
            Instant validUntil = target.validUntil(now, program.zone());
            member.tierCode = target.code();
            member.tierSince = now.toEpochMilli();
            member.tierValidUntil = validUntil == null ? null : validUntil.toEpochMilli();
            return new TierChange(current.code(), target.code(), validUntil);
        });
    }

    /**
     * For a locked member whose tier validity has ended: keeps the tier for another period or
     * drops it per the program's rule. Metrics are measured at the deadline, so a late run judges
     * the same as a punctual one. Empty when the tier has not lapsed (re-checked under the lock).
     */
    public Optional<TierChange> applyLapse(MemberRow member, Program program, Instant now) {
        if (member.tierValidUntil == null || member.tierValidUntil > now.toEpochMilli()) {
            return Optional.empty();
        }
        Instant deadline = Instant.ofEpochMilli(member.tierValidUntil);
        TierDefinition current = program.tier(member.tierCode);
        TierDefinition target = program.afterLapse(current, new MemberMetrics(member, orders, deadline));
        Instant validUntil;
        if (target.code().equals(current.code())) {
            // the new period starts where the old one ended
            validUntil = target.validUntil(deadline.minusMillis(1), program.zone());
            while (validUntil != null && !validUntil.isAfter(now)) {
                validUntil = target.validUntil(validUntil.minusMillis(1), program.zone());
            }
        } else {
            validUntil = target.validUntil(now, program.zone());
            member.tierCode = target.code();
            member.tierSince = now.toEpochMilli();
        }
        member.tierValidUntil = validUntil == null ? null : validUntil.toEpochMilli();
        return Optional.of(new TierChange(current.code(), target.code(), validUntil));
    }
}
