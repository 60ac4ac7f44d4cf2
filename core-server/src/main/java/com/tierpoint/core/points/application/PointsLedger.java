package com.tierpoint.core.points.application;

import com.tierpoint.core.events.EventType;
import com.tierpoint.core.member.application.MemberChange;
import com.tierpoint.core.member.application.MemberWrites;
import com.tierpoint.core.member.infrastructure.MemberRow;
import com.tierpoint.core.points.infrastructure.LotMapper;
import com.tierpoint.core.points.infrastructure.LotRow;
import com.tierpoint.core.points.infrastructure.PointsBatchDao;
import com.tierpoint.core.points.infrastructure.TxnLotMapper;
import com.tierpoint.core.points.infrastructure.TxnLotRow;
import com.tierpoint.core.points.infrastructure.TxnMapper;
import com.tierpoint.core.points.infrastructure.TxnRow;
import com.tierpoint.core.points.model.BalanceSummary;
import com.tierpoint.core.points.model.Draw;
import com.tierpoint.core.points.model.Lot;
import com.tierpoint.core.points.model.LotSelection;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.program.model.ExpiryPolicy;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.core.shared.application.BulkWrite;
import com.tierpoint.core.shared.infrastructure.IdGenerator;
import com.tierpoint.core.shared.infrastructure.RoundTrip;
import com.tierpoint.core.shared.infrastructure.RoundTrips;
import com.tierpoint.core.shared.model.RuleRejected;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The mechanics of the points ledger, for use cases that hold a member's lock (a
 * {@link MemberChange}). Every method appends ledger lines (never changes one), moves lots with
 * guarded updates, keeps the member's balance equal to the sum of lines, and queues an event.
 * Earns and reversals of earns also move the member's monthly total ({@link MonthlyEarnings}).
 */
@Component
public class PointsLedger {

    public static final String EARN = "EARN";
    public static final String REDEEM = "REDEEM";
    public static final String REVERSE = "REVERSE";
    public static final String EXPIRE = "EXPIRE";

    /** What a reversal managed: the line it wrote (null when nothing could be taken) and how much. */
    public record Reversal(TransactionView transaction, long points) {}

    private final LotMapper lots;
    private final TxnMapper txns;
    private final TxnLotMapper draws;
    private final PointsBatchDao batches;
    private final IdGenerator ids;
    private final MonthlyEarnings monthly;
    private final ProgramStore programs;
    private final MemberWrites members;
    private final RoundTrips trips;

    PointsLedger(
            LotMapper lots,
            TxnMapper txns,
            TxnLotMapper draws,
            PointsBatchDao batches,
            IdGenerator ids,
            MonthlyEarnings monthly,
            ProgramStore programs,
            MemberWrites members,
            RoundTrips trips) {
        this.lots = lots;
        this.txns = txns;
        this.draws = draws;
        this.batches = batches;
        this.ids = ids;
        this.monthly = monthly;
        this.programs = programs;
        this.members = members;
        this.trips = trips;
    }

    /** Grants a new lot, spendable from {@code availableAt}, expiring per the program's policy. */
    public TransactionView credit(
            MemberChange change,
            long points,
            String reason,
            String source,
            String orderId,
            Instant availableAt,
            Program program) {
        Credited c = prepareCredit(change, points, reason, source, orderId, availableAt, program);
        txns.insert(c.txn());
        lots.insert(c.lot());
        monthly.add(change, points, program.zone());
        return c.view();
    }

    /** One request's grant in a batch: see {@link #creditAll}. */
    public record Grant(MemberChange change, long points, String reason, String source) {}

    /** What a grant of a batch wrote, and the member's balance just after it. */
    public record Granted(TransactionView transaction, BalanceSummary balance) {}

    /**
     * {@link #credit} for the grants of a batch (members locked, a member's grants in order),
     * available at once and outside orders: one statement per table for all of them, added to
     * {@code writes}. {@code open} holds the members' open lots ({@link #openAll}), for the
     * balances; it is changed as the grants add lots.
     */
    public List<Granted> creditAll(List<Grant> grants, Program program, Map<Long, List<Lot>> open, RoundTrip writes) {
        if (grants.isEmpty()) {
            return List.of();
        }
        List<TxnRow> lines = new ArrayList<>(grants.size());
        List<LotRow> newLots = new ArrayList<>(grants.size());
        List<MonthlyEarnings.Delta> deltas = new ArrayList<>(grants.size());
        List<Granted> granted = new ArrayList<>(grants.size());
        for (Grant g : grants) {
            MemberChange change = g.change();
            Credited c = prepareCredit(change, g.points(), g.reason(), g.source(), null, change.now(), program);
            lines.add(c.txn());
            newLots.add(c.lot());
            deltas.add(new MonthlyEarnings.Delta(change, g.points()));
            List<Lot> mine = open.computeIfAbsent(change.memberId(), k -> new ArrayList<>());
            mine.add(c.lot().toLot());
            granted.add(new Granted(c.view(), BalanceSummary.of(mine, change.now())));
        }
        batches.insertTxns(writes, lines);
        batches.insertLots(writes, newLots);
        monthly.addAll(deltas, program.zone(), writes);
        return granted;
    }

    private record Credited(TxnRow txn, LotRow lot, TransactionView view) {}

    /** The line and lot of a grant, with the member's balance moved and the event queued; nothing written. */
    private Credited prepareCredit(
            MemberChange change,
            long points,
            String reason,
            String source,
            String orderId,
            Instant availableAt,
            Program program) {
        Instant now = change.now();
        Instant start = availableAt.isAfter(now) ? availableAt : now;
        Instant expiresAt = program.pointsExpiry().expiryFor(start, program.zone());
        MemberRow m = change.member();
        m.pointsBalance += points;
        TxnRow txn = line(m, EARN, points, reason, source, null, orderId, now);
        txn.availableAt = start.toEpochMilli();
        txn.expiresAt = expiresAt.toEpochMilli();
        LotRow lot = new LotRow();
        lot.id = ids.nextId();
        lot.memberId = m.id;
        lot.earnTxnId = txn.id;
        lot.amount = points;
        lot.remaining = points;
        lot.availableAt = start.toEpochMilli();
        lot.expiresAt = expiresAt.toEpochMilli();
        lot.createdAt = now.toEpochMilli();
        Map<String, Object> payload = payload(txn);
        payload.put("available_at", start.toString());
        payload.put("expires_at", ExpiryPolicy.isNever(expiresAt) ? null : expiresAt.toString());
        change.emit(EventType.POINTS_EARNED, payload);
        return new Credited(txn, lot, view(txn, List.of()));
    }

    /**
     * Spends points, soonest-expiring lots first, after expiring the lots that are due. Refuses
     * with INSUFFICIENT_POINTS (and the transaction rolls back) when they do not cover it.
     */
    public TransactionView debit(MemberChange change, long points, String reason, String source) {
        List<Lot> open = expireDue(change);
        List<Draw> taken = LotSelection.soonestExpiringFirst(open, points, change.now())
                .orElseThrow(() -> insufficient(points, open, change.now()));
        drawFrom(taken);
        MemberRow m = change.member();
        m.pointsBalance -= points;
        TxnRow txn = line(m, REDEEM, -points, reason, source, null, null, change.now());
        txns.insert(txn);
        recordDraws(txn.id, taken);
        change.emit(EventType.POINTS_REDEEMED, payload(txn));
        return view(txn, taken);
    }

    /** One request's redeem in a batch: see {@link #debitAll}. */
    public record Spend(MemberChange change, long points, String reason, String source) {}

    /** A redeem of a batch: its line and the member's balance just after it, or why it was refused. */
    public record Spent(TransactionView transaction, BalanceSummary balance, RuleRejected refusal) {}

    /**
     * {@link #debit} for the redeems of a batch (members locked, a member's redeems in order): each
     * of the members' open lots ({@link #openAll}, changed here as they are drawn) drawn once
     * for all the redeems that take from it, one statement per table, added to {@code writes}. A
     * redeem the lots do not cover is refused and writes nothing (its change stays empty). Throws
     * {@link BulkWrite.NotTogether} when a lot is due to expire, which the one-by-one path records
     * first.
     */
    public List<Spent> debitAll(List<Spend> spends, Map<Long, List<Lot>> open, RoundTrip writes) {
        for (Spend s : spends) {
            for (Lot lot : open.getOrDefault(s.change().memberId(), List.of())) {
                if (lot.expiredAt(s.change().now())) {
                    throw new BulkWrite.NotTogether("lot " + lot.id() + " is due to expire");
                }
            }
        }
        Map<Long, Long> takes = new LinkedHashMap<>();
        List<TxnRow> lines = new ArrayList<>(spends.size());
        List<TxnLotRow> lineDraws = new ArrayList<>(spends.size());
        List<Spent> spent = new ArrayList<>(spends.size());
        for (Spend s : spends) {
            MemberChange change = s.change();
            List<Lot> mine = open.getOrDefault(change.memberId(), List.of());
            Optional<List<Draw>> taken = LotSelection.soonestExpiringFirst(mine, s.points(), change.now());
            if (taken.isEmpty()) {
                spent.add(new Spent(null, null, insufficient(s.points(), mine, change.now())));
                continue;
            }
            mine = afterDraws(mine, taken.get());
            open.put(change.memberId(), mine);
            MemberRow m = change.member();
            m.pointsBalance -= s.points();
            TxnRow txn = line(m, REDEEM, -s.points(), s.reason(), s.source(), null, null, change.now());
            lines.add(txn);
            for (Draw d : taken.get()) {
                takes.merge(d.lotId(), d.points(), Long::sum);
                lineDraws.add(new TxnLotRow(txn.id, d.lotId(), d.points()));
            }
            change.emit(EventType.POINTS_REDEEMED, payload(txn));
            spent.add(new Spent(view(txn, taken.get()), BalanceSummary.of(mine, change.now()), null));
        }
        if (!takes.isEmpty()) {
            List<PointsBatchDao.Take> all = new ArrayList<>(takes.size());
            takes.forEach((lot, points) -> all.add(new PointsBatchDao.Take(lot, points)));
            batches.drawAll(writes, all);
            batches.insertTxns(writes, lines);
            batches.insertDraws(writes, lineDraws);
        }
        return spent;
    }

    private static RuleRejected insufficient(long points, List<Lot> open, Instant now) {
        return new RuleRejected(
                "INSUFFICIENT_POINTS",
                "redeeming " + points + " points needs that many available; the member has "
                        + LotSelection.spendable(open, now));
    }

    private static List<Lot> afterDraws(List<Lot> lots, List<Draw> draws) {
        Map<Long, Long> drawn = new HashMap<>();
        draws.forEach(d -> drawn.merge(d.lotId(), d.points(), Long::sum));
        List<Lot> after = new ArrayList<>(lots.size());
        for (Lot l : lots) {
            long left = l.remaining() - drawn.getOrDefault(l.id(), 0L);
            if (left > 0) {
                after.add(new Lot(l.id(), left, l.availableAt(), l.expiresAt()));
            }
        }
        return after;
    }

    /**
     * A batch's members, locked, one change per entry (null where the member does not exist; see
     * {@link MemberWrites#beginAll}), and their open lots, each member's soonest-expiring first
     * (a mutable list per member).
     */
    public record Opened(List<MemberChange> changes, Map<Long, List<Lot>> lots) {}

    /** Locks a batch's members and reads their open lots, in one round trip (ADR 0018). */
    public Opened openAll(List<Long> memberIds, Instant now) {
        RoundTrip reads = trips.open();
        Supplier<List<MemberChange>> locking = members.beginAll(reads, memberIds, now);
        Supplier<Map<Long, List<Lot>>> lots = openLotsOf(reads, memberIds);
        reads.run();
        return new Opened(locking.get(), lots.get());
    }

    /**
     * Open lots of a batch's members (at least one), read with one statement in {@code reads}: once
     * it has run, every member has a (mutable) list, soonest-expiring first. Read after the members
     * are locked, in the same round trip.
     */
    private Supplier<Map<Long, List<Lot>>> openLotsOf(RoundTrip reads, List<Long> memberIds) {
        Set<Long> distinct = new LinkedHashSet<>(memberIds);
        RoundTrip.Rows<LotRow> rows = batches.openLotsOf(reads, distinct);
        return () -> {
            Map<Long, List<Lot>> open = new HashMap<>();
            distinct.forEach(id -> open.put(id, new ArrayList<>()));
            for (LotRow r : rows.get()) {
                open.get(r.memberId).add(r.toLot());
            }
            return open;
        };
    }

    /**
     * Takes back points of an earn: from that earn's own lot first (pending or not), then from the
     * member's other spendable lots, soonest-expiring first. With {@code partialAllowed} it takes
     * what there is (a refund must go through even if the points were spent); otherwise it
     * refuses when the member holds too few.
     */
    public Reversal reverseEarn(
            MemberChange change, TxnRow earn, long points, String reason, String source, boolean partialAllowed) {
        Instant now = change.now();
        List<Lot> open = expireDue(change);
        List<Draw> taken = new ArrayList<>();
        long left = points;
        LotRow own = lots.byEarnTxn(earn.id);
        if (own != null && own.remaining > 0 && own.expiresAt > now.toEpochMilli()) {
            long t = Math.min(left, own.remaining);
            taken.add(new Draw(own.id, t, Instant.ofEpochMilli(own.expiresAt)));
            left -= t;
        }
        if (left > 0) {
            List<Lot> others =
                    open.stream().filter(l -> own == null || l.id() != own.id).toList();
            long spendable = LotSelection.spendable(others, now);
            if (spendable < left && !partialAllowed) {
                throw new RuleRejected(
                        "INSUFFICIENT_POINTS",
                        "reversing " + points + " points needs them back, but the member holds only "
                                + (points - left + spendable) + " of them");
            }
            long fromOthers = Math.min(left, spendable);
            if (fromOthers > 0) {
                taken.addAll(LotSelection.soonestExpiringFirst(others, fromOthers, now)
                        .orElseThrow());
                left -= fromOthers;
            }
        }
        long total = points - left;
        if (total == 0) {
            return new Reversal(null, 0);
        }
        drawFrom(taken);
        MemberRow m = change.member();
        m.pointsBalance -= total;
        TxnRow txn = line(m, REVERSE, -total, reason, source, earn.id, earn.orderId, now);
        txns.insert(txn);
        recordDraws(txn.id, taken);
        monthly.add(change, -total, programs.current().zone());
        Map<String, Object> payload = payload(txn);
        payload.put("reversed_transaction_id", String.valueOf(earn.id));
        change.emit(EventType.POINTS_REVERSED, payload);
        return new Reversal(view(txn, taken), total);
    }

    /**
     * Gives back points of a redeem to the very lots it drew from, latest-expiring first; points
     * returned to a lot that has expired in the meantime expire again at once.
     */
    public Reversal reverseRedeem(MemberChange change, TxnRow redeem, long points, String reason, String source) {
        List<Draw> returned = new ArrayList<>();
        long left = points;
        for (TxnLotMapper.LotDrawRow d : draws.unreturnedDrawsOf(redeem.id)) {
            if (left == 0) {
                break;
            }
            long give = Math.min(left, d.points);
            if (give <= 0) {
                continue;
            }
            if (lots.restore(d.lotId, give) != 1) {
                throw new IllegalStateException("lot " + d.lotId + " cannot take back " + give + " points");
            }
            returned.add(new Draw(d.lotId, give, Instant.ofEpochMilli(d.expiresAt)));
            left -= give;
        }
        if (left != 0) {
            throw new IllegalStateException("redeem " + redeem.id + " drew fewer points than its line says");
        }
        MemberRow m = change.member();
        m.pointsBalance += points;
        TxnRow txn = line(m, REVERSE, points, reason, source, redeem.id, redeem.orderId, change.now());
        txns.insert(txn);
        recordDraws(txn.id, returned);
        Map<String, Object> payload = payload(txn);
        payload.put("reversed_transaction_id", String.valueOf(redeem.id));
        change.emit(EventType.POINTS_REVERSED, payload);
        expireDue(change);
        return new Reversal(view(txn, returned), points);
    }

    /**
     * Expires, lot-exactly, every lot of the member that is due and still holds points: one
     * EXPIRE line listing the lots. Returns the member's open lots afterwards.
     */
    public List<Lot> expireDue(MemberChange change) {
        Instant now = change.now();
        List<LotRow> open = lots.openLots(change.memberId());
        List<Draw> due = new ArrayList<>();
        List<Lot> remaining = new ArrayList<>();
        for (LotRow r : open) {
            if (r.expiresAt <= now.toEpochMilli()) {
                due.add(new Draw(r.id, r.remaining, Instant.ofEpochMilli(r.expiresAt)));
            } else {
                remaining.add(r.toLot());
            }
        }
        if (!due.isEmpty()) {
            long total = due.stream().mapToLong(Draw::points).sum();
            drawFrom(due);
            MemberRow m = change.member();
            m.pointsBalance -= total;
            TxnRow txn = line(m, EXPIRE, -total, "积分过期", "system", null, null, now);
            txns.insert(txn);
            recordDraws(txn.id, due);
            change.emit(EventType.POINTS_EXPIRED, payload(txn));
        }
        return remaining;
    }

    /** The member's balance as of the change's time, read inside its transaction. */
    public BalanceSummary balance(MemberChange change) {
        return BalanceSummary.of(
                lots.openLots(change.memberId()).stream().map(LotRow::toLot).toList(), change.now());
    }

    public TxnRow transaction(long id) {
        return txns.selectById(id);
    }

    public long reversedOf(long txnId) {
        return txns.reversedOf(txnId);
    }

    private void drawFrom(List<Draw> taken) {
        for (Draw d : taken) {
            if (lots.draw(d.lotId(), d.points()) != 1) {
                throw new IllegalStateException("lot " + d.lotId() + " holds fewer than " + d.points() + " points");
            }
        }
    }

    private void recordDraws(long txnId, List<Draw> taken) {
        for (Draw d : taken) {
            draws.insert(new TxnLotRow(txnId, d.lotId(), d.points()));
        }
    }

    private TxnRow line(
            MemberRow m,
            String type,
            long points,
            String reason,
            String source,
            Long refTxnId,
            String orderId,
            Instant now) {
        TxnRow txn = new TxnRow();
        txn.id = ids.nextId();
        txn.memberId = m.id;
        txn.txnType = type;
        txn.points = points;
        txn.balanceAfter = m.pointsBalance;
        txn.reason = reason;
        txn.source = source == null || source.isBlank() ? "unspecified" : source;
        txn.refTxnId = refTxnId;
        txn.orderId = orderId;
        txn.createdAt = now.toEpochMilli();
        return txn;
    }

    private static Map<String, Object> payload(TxnRow txn) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("transaction_id", String.valueOf(txn.id));
        p.put("points", txn.points);
        p.put("balance_after", txn.balanceAfter);
        p.put("reason", txn.reason);
        p.put("source", txn.source);
        if (txn.orderId != null) {
            p.put("order_id", txn.orderId);
        }
        return p;
    }

    static TransactionView view(TxnRow t, List<Draw> lotDraws) {
        return new TransactionView(
                t.id,
                t.memberId,
                t.txnType,
                t.points,
                t.balanceAfter,
                t.reason,
                t.source,
                t.refTxnId,
                t.orderId,
                List.copyOf(lotDraws),
                Instant.ofEpochMilli(t.createdAt),
                t.availableAt == null ? null : Instant.ofEpochMilli(t.availableAt),
                t.expiresAt == null ? null : Instant.ofEpochMilli(t.expiresAt));
    }
}
