package com.tierpoint.core.order.application;

import com.tierpoint.core.events.EventType;
import com.tierpoint.core.invite.application.AdvancingInvitations;
import com.tierpoint.core.member.application.MemberChange;
import com.tierpoint.core.member.application.MemberWrites;
import com.tierpoint.core.member.infrastructure.MemberRow;
import com.tierpoint.core.order.infrastructure.OrderMapper;
import com.tierpoint.core.order.infrastructure.OrderRow;
import com.tierpoint.core.points.application.GrowthLedger;
import com.tierpoint.core.points.application.PointsLedger;
import com.tierpoint.core.points.application.TransactionView;
import com.tierpoint.core.points.infrastructure.LotMapper;
import com.tierpoint.core.points.infrastructure.LotRow;
import com.tierpoint.core.points.infrastructure.TxnRow;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.program.model.OrderMultiplier;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.core.shared.application.IdempotentExecutor;
import com.tierpoint.core.shared.model.InvalidArgument;
import com.tierpoint.core.shared.model.MemberId;
import com.tierpoint.core.shared.model.RequestKey;
import com.tierpoint.core.shared.model.RuleRejected;
import com.tierpoint.core.shared.model.Validation;
import com.tierpoint.core.tier.application.RecalculatingTier;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Turns an order's state into points, growth value, spend and order count. State-based: the
 * refunded amount is cumulative and only ever grows, so a repeated or late message never counts
 * twice; a refund takes back points and growth in proportion to the refunded amount.
 */
@Service
public class RecordingOrder {

    /** How far ahead of our clock the order system's clock may run. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    public record Command(
            String orderId, String memberId, long amountFen, long refundedFen, OrderStatus status, Instant occurredAt) {

        void validate(Validation v) {
            v.notBlank(orderId, "order_id", 64);
            v.memberId(memberId, "member_id");
            v.positive(amountFen, "amount_fen");
            v.require(amountFen <= 100_000_000_000L, "amount_fen", "must be at most 1,000,000,000 yuan");
            v.require(status != null, "status", "is required (PAID, PARTIALLY_REFUNDED, REFUNDED or COMPLETED)");
            v.require(refundedFen >= 0 && refundedFen <= amountFen, "refunded_fen", "must be between 0 and amount_fen");
            if (status == OrderStatus.PARTIALLY_REFUNDED) {
                v.require(
                        refundedFen > 0 && refundedFen < amountFen,
                        "refunded_fen",
                        "must be between 1 and amount_fen - 1 for PARTIALLY_REFUNDED");
            }
            if (status == OrderStatus.PAID) {
                v.require(refundedFen == 0, "refunded_fen", "must be 0 for PAID");
            }
        }

        /** REFUNDED implies the whole amount. */
        long refundTarget() {
            return status == OrderStatus.REFUNDED ? amountFen : refundedFen;
        }
    }

    private final MemberWrites members;
    private final OrderMapper orders;
    private final LotMapper lots;
    private final GrowthLedger growth;
    private final PointsLedger ledger;
    private final RecalculatingTier tiers;
    private final ProgramStore programs;
    private final IdempotentExecutor idempotent;
    private final Clock clock;
    private final AdvancingInvitations invitations;

    RecordingOrder(
            MemberWrites members,
            OrderMapper orders,
            LotMapper lots,
            GrowthLedger growth,
            PointsLedger ledger,
            RecalculatingTier tiers,
            ProgramStore programs,
            IdempotentExecutor idempotent,
            Clock clock,
            AdvancingInvitations invitations) {
        this.members = members;
        this.orders = orders;
        this.lots = lots;
        this.growth = growth;
        this.ledger = ledger;
        this.tiers = tiers;
        this.programs = programs;
        this.idempotent = idempotent;
        this.clock = clock;
        this.invitations = invitations;
    }

    public OrderResult record(RequestKey key, Command c) {
        Validation v = new Validation();
        RequestKey.validate(key.idempotencyKey(), v);
        c.validate(v);
        v.require(
                c.occurredAt() == null
                        || !c.occurredAt().isAfter(clock.instant().plus(MAX_CLOCK_SKEW)),
                "occurred_at",
                "must not be in the future");
        v.throwIfInvalid();
        Program program = programs.current();
        return idempotent.execute(key, "RecordOrder", c, OrderResult.class, () -> apply(c, program));
    }

    private OrderResult apply(Command c, Program program) {
        Instant now = clock.instant();
        MemberChange change = members.begin(MemberId.of(c.memberId()), now);
        invitations.beforeOrder(change, c.orderId());
        MemberRow m = change.member();
        // claim first, then lock: a locking read of an id not stored yet would lock the gap
        // around it, and concurrent first reports inserting into one gap deadlock (ADR 0016)
        orders.claim(c.orderId(), m.id, c.amountFen(), occurred(c, now).toEpochMilli(), now.toEpochMilli());
        OrderRow order = orders.lockById(c.orderId());
        boolean created = order.claimedNow();
        if (created) {
            if (c.status() != OrderStatus.PAID && c.status() != OrderStatus.COMPLETED) {
                // the claim rolls back with the rest
                throw new RuleRejected(
                        "ORDER_NOT_PAID",
                        "order " + c.orderId() + " was never reported PAID; report PAID (or COMPLETED) before "
                                + c.status());
            }
            order = grant(change, c, program);
        } else {
            if (!order.memberId.equals(m.id)) {
                throw new RuleRejected(
                        "ORDER_OF_ANOTHER_MEMBER", "order " + c.orderId() + " belongs to another member");
            }
            if (order.amountFen != c.amountFen()) {
                throw InvalidArgument.of(
                        "amount_fen",
                        "order " + c.orderId() + " was recorded with amount_fen " + order.amountFen
                                + "; the amount of an order cannot change");
            }
        }
        long reversedNow = 0;
        long unrecoveredNow = 0;
        if (c.refundTarget() > order.refundedFen) {
            long[] r = refund(change, order, c.refundTarget());
            reversedNow = r[0];
            unrecoveredNow = r[1];
        }
        order.status = nextStatus(order, c).name();
        if (c.status() == OrderStatus.COMPLETED && order.completedAt == null) {
            order.completedAt = occurred(c, now).toEpochMilli();
        }
        order.updatedAt = now.toEpochMilli();
        // stored first: windowed spend and order count are summed from member_order
        orders.updateById(order);
        boolean upgraded = created
                && tiers.upgradeIfEarned(change, program, Map.of("order_id", c.orderId()))
                        .isPresent();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("order_id", order.orderId);
        p.put("status", order.status);
        p.put("amount_fen", order.amountFen);
        p.put("refunded_fen", order.refundedFen);
        change.emit(EventType.ORDER_RECORDED, p);
        invitations.orderRecorded(change, order, program);
        members.commit(change);
        long held = order.pointsGranted - order.pointsReversed - order.pointsUnrecovered;
        long pending = order.pointsAvailableAt > now.toEpochMilli() ? pendingOf(order) : 0;
        return new OrderResult(
                order.orderId,
                m.id,
                OrderStatus.valueOf(order.status),
                held,
                pending,
                Instant.ofEpochMilli(order.pointsAvailableAt),
                order.growthGranted - order.growthReversed,
                reversedNow,
                unrecoveredNow,
                m.tierCode,
                upgraded);
    }

    /** First report of an order: points (earn rule x tier and campaign multiplier), growth, spend, count. */
    private OrderRow grant(MemberChange change, Command c, Program program) {
        Instant now = change.now();
        MemberRow m = change.member();
        Instant paidAt = occurred(c, now);
        OrderMultiplier multiplier = OrderMultiplier.of(program, program.tier(m.tierCode), paidAt);
        long points = program.earnRule().pointsFor(c.amountFen(), multiplier.percent());
        long growthValue = program.growthRule().growthFor(c.amountFen());
        Instant availableAt = paidAt.plus(Duration.ofDays(program.refundWindowDays()));
        OrderRow o = new OrderRow();
        o.orderId = c.orderId();
        o.memberId = m.id;
        o.amountFen = c.amountFen();
        o.refundedFen = 0L;
        o.paidAt = paidAt.toEpochMilli();
        o.pointsGranted = points;
        o.pointsReversed = 0L;
        o.pointsUnrecovered = 0L;
        o.growthGranted = growthValue;
        o.growthReversed = 0L;
        o.pointsAvailableAt = (availableAt.isAfter(now) ? availableAt : now).toEpochMilli();
        if (points > 0) {
            TransactionView txn = ledger.credit(
                    change, points, multiplier.reason("订单消费"), "order", c.orderId(), availableAt, program);
            o.earnTxnId = txn.transactionId();
        }
        if (growthValue > 0) {
            growth.change(change, growthValue, "订单消费", "order", c.orderId());
        }
        m.totalSpendFen += c.amountFen();
        m.orderCount += 1;
        return o;
    }

    /** Takes back points and growth in proportion to the newly refunded amount. Returns {reversed, unrecovered}. */
    private long[] refund(MemberChange change, OrderRow o, long refundedTarget) {
        MemberRow m = change.member();
        long keptFen = o.amountFen - refundedTarget;
        long pointsTarget = proportion(o.pointsGranted, keptFen, o.amountFen);
        long pointsToTake = o.pointsGranted - o.pointsReversed - o.pointsUnrecovered - pointsTarget;
        long reversed = 0;
        long unrecovered = 0;
        if (pointsToTake > 0 && o.earnTxnId != null) {
            TxnRow earn = ledger.transaction(o.earnTxnId);
            PointsLedger.Reversal r = ledger.reverseEarn(change, earn, pointsToTake, "订单退款", "order", true);
            reversed = r.points();
            unrecovered = pointsToTake - reversed;
        }
        long growthTarget = proportion(o.growthGranted, keptFen, o.amountFen);
        long growthToTake = o.growthGranted - o.growthReversed - growthTarget;
        if (growthToTake > 0) {
            o.growthReversed += -growth.change(change, -growthToTake, "订单退款", "order", o.orderId);
        }
        m.totalSpendFen -= refundedTarget - o.refundedFen;
        if (refundedTarget == o.amountFen && o.refundedFen < o.amountFen) {
            m.orderCount -= 1;
        }
        o.refundedFen = refundedTarget;
        o.pointsReversed += reversed;
        o.pointsUnrecovered += unrecovered;
        return new long[] {reversed, unrecovered};
    }

    private long pendingOf(OrderRow o) {
        if (o.earnTxnId == null) {
            return 0;
        }
        LotRow lot = lots.byEarnTxn(o.earnTxnId);
        return lot == null ? 0 : lot.remaining;
    }

    private static OrderStatus nextStatus(OrderRow o, Command c) {
        if (o.refundedFen.equals(o.amountFen)) {
            return OrderStatus.REFUNDED;
        }
        OrderStatus before = o.status == null ? OrderStatus.PAID : OrderStatus.valueOf(o.status);
        if (c.status() == OrderStatus.COMPLETED || before == OrderStatus.COMPLETED) {
            return OrderStatus.COMPLETED;
        }
        return o.refundedFen > 0 ? OrderStatus.PARTIALLY_REFUNDED : OrderStatus.PAID;
    }

    private static Instant occurred(Command c, Instant now) {
        return c.occurredAt() == null ? now : c.occurredAt();
    }

    /** floor(total * part / whole), exact. */
    static long proportion(long total, long part, long whole) {
        return BigInteger.valueOf(total)
                .multiply(BigInteger.valueOf(part))
                .divide(BigInteger.valueOf(whole))
                .longValueExact();
    }
}
