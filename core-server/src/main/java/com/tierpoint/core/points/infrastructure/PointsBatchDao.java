package com.tierpoint.core.points.infrastructure;

import com.tierpoint.core.shared.infrastructure.Params;
import com.tierpoint.core.shared.infrastructure.RoundTrip;
import com.tierpoint.core.shared.infrastructure.SizedSql;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The points statements of a grouped write (ledger lines, lots, draws, monthly totals), each one
 * statement for the whole batch, over plain JDBC (ADR 0017), added to the batch's round trips
 * (ADR 0018).
 */
@Component
public class PointsBatchDao {

    private static final SizedSql INSERT_TXNS = new SizedSql(n -> "INSERT INTO points_txn (id, member_id, txn_type,"
            + " points, balance_after, reason, source, ref_txn_id, order_id, available_at, expires_at, created_at) VALUES "
            + SizedSql.times(n, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ", "));

    private static final SizedSql INSERT_LOTS = new SizedSql(n -> "INSERT INTO points_lot (id, member_id, earn_txn_id,"
            + " amount, remaining, available_at, expires_at, created_at) VALUES "
            + SizedSql.times(n, "(?, ?, ?, ?, ?, ?, ?, ?)", ", "));

    private static final SizedSql OPEN_LOTS_OF = new SizedSql(n -> "SELECT * FROM points_lot WHERE remaining > 0"
            + " AND member_id IN " + SizedSql.placeholders(n) + " ORDER BY member_id, expires_at, id");

    private static final SizedSql DRAW_ALL = new SizedSql(n -> "UPDATE points_lot SET remaining = remaining - CASE id "
            + SizedSql.times(n, "WHEN ? THEN ?", " ")
            + " END WHERE id IN " + SizedSql.placeholders(n)
            + " AND remaining >= CASE id " + SizedSql.times(n, "WHEN ? THEN ?", " ") + " END");

    private static final SizedSql INSERT_DRAWS = new SizedSql(
            n -> "INSERT INTO points_txn_lot (txn_id, lot_id, points) VALUES " + SizedSql.times(n, "(?, ?, ?)", ", "));

    private static final SizedSql ADD_MONTHLY =
            new SizedSql(n -> "INSERT INTO points_month (member_id, earn_month, points, updated_at) VALUES "
                    + SizedSql.times(n, "(?, ?, ?, ?)", ", ")
                    + " ON DUPLICATE KEY UPDATE points = points + VALUES(points), updated_at = VALUES(updated_at)");

    /** Appends ledger lines. */
    public void insertTxns(RoundTrip trip, List<TxnRow> rows) {
        trip.update(INSERT_TXNS.of(rows.size()), p -> {
            for (TxnRow t : rows) {
                p.addNullable(t.id)
                        .addNullable(t.memberId)
                        .add(t.txnType)
                        .addNullable(t.points)
                        .addNullable(t.balanceAfter)
                        .add(t.reason)
                        .add(t.source)
                        .addNullable(t.refTxnId)
                        .add(t.orderId)
                        .addNullable(t.availableAt)
                        .addNullable(t.expiresAt)
                        .addNullable(t.createdAt);
            }
        });
    }

    public void insertLots(RoundTrip trip, List<LotRow> rows) {
        trip.update(INSERT_LOTS.of(rows.size()), p -> {
            for (LotRow l : rows) {
                p.addNullable(l.id)
                        .addNullable(l.memberId)
                        .addNullable(l.earnTxnId)
                        .addNullable(l.amount)
                        .addNullable(l.remaining)
                        .addNullable(l.availableAt)
                        .addNullable(l.expiresAt)
                        .addNullable(l.createdAt);
            }
        });
    }

    /** Open lots of several members (at least one), each member's soonest-expiring first. */
    public RoundTrip.Rows<LotRow> openLotsOf(RoundTrip trip, Collection<Long> memberIds) {
        return trip.query(OPEN_LOTS_OF.of(memberIds.size()), p -> p.addEach(memberIds), rs -> {
            LotRow l = new LotRow();
            l.id = rs.getLong("id");
            l.memberId = rs.getLong("member_id");
            l.earnTxnId = Params.longOrNull(rs, "earn_txn_id");
            l.amount = rs.getLong("amount");
            l.remaining = rs.getLong("remaining");
            l.availableAt = rs.getLong("available_at");
            l.expiresAt = rs.getLong("expires_at");
            l.createdAt = rs.getLong("created_at");
            return l;
        });
    }

    /** Points taken from one lot; a lot appears at most once in a draw. */
    public record Take(long lotId, long points) {}

    /**
     * Draws from several lots in one statement, each guarded so that a lot never goes below zero;
     * the round trip fails if one of them holds too little.
     */
    public void drawAll(RoundTrip trip, List<Take> takes) {
        trip.update(
                DRAW_ALL.of(takes.size()),
                p -> {
                    for (Take t : takes) {
                        p.add(t.lotId()).add(t.points());
                    }
                    for (Take t : takes) {
                        p.add(t.lotId());
                    }
                    for (Take t : takes) {
                        p.add(t.lotId()).add(t.points());
                    }
                },
                takes.size(),
                "a lot holds fewer points than the batch drew from it");
    }

    /** Records which lots ledger lines drew from. */
    public void insertDraws(RoundTrip trip, List<TxnLotRow> rows) {
        trip.update(INSERT_DRAWS.of(rows.size()), p -> {
            for (TxnLotRow d : rows) {
                p.addNullable(d.txnId).addNullable(d.lotId).addNullable(d.points);
            }
        });
    }

    /** A change to one member's total of one month. */
    public record MonthDelta(long memberId, String month, long delta) {}

    /** Adds to several (member, month) totals, each at most once, in one statement. */
    public void addMonthly(RoundTrip trip, List<MonthDelta> deltas, long nowMs) {
        trip.update(ADD_MONTHLY.of(deltas.size()), p -> {
            for (MonthDelta d : deltas) {
                p.add(d.memberId()).add(d.month()).add(d.delta()).add(nowMs);
            }
        });
    }
}
