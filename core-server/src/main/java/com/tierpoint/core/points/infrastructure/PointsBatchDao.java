package com.tierpoint.core.points.infrastructure;

import com.tierpoint.core.shared.infrastructure.Params;
import com.tierpoint.core.shared.infrastructure.SizedSql;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The points statements of a grouped write (ledger lines, lots, draws, monthly totals), each one
 * statement for the whole batch, over plain JDBC (ADR 0017).
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

    private final JdbcTemplate jdbc;

    PointsBatchDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends ledger lines. */
    public int insertTxns(List<TxnRow> rows) {
        return jdbc.update(INSERT_TXNS.of(rows.size()), ps -> {
            Params p = new Params(ps);
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

    public int insertLots(List<LotRow> rows) {
        return jdbc.update(INSERT_LOTS.of(rows.size()), ps -> {
            Params p = new Params(ps);
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

    /** Open lots of several members, each member's soonest-expiring first. */
    public List<LotRow> openLotsOf(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(OPEN_LOTS_OF.of(memberIds.size()), ps -> new Params(ps).addEach(memberIds), (rs, i) -> {
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

    /** Points taken from one lot. */
    public record Take(long lotId, long points) {}

    /**
     * Draws from several lots in one statement, each guarded so that a lot never goes below zero:
     * answers how many lots were drawn from, which is fewer than asked when one holds too little.
     */
    public int drawAll(List<Take> takes) {
        return jdbc.update(DRAW_ALL.of(takes.size()), ps -> {
            Params p = new Params(ps);
            for (Take t : takes) {
                p.add(t.lotId()).add(t.points());
            }
            for (Take t : takes) {
                p.add(t.lotId());
            }
            for (Take t : takes) {
                p.add(t.lotId()).add(t.points());
            }
        });
    }

    /** Records which lots ledger lines drew from. */
    public int insertDraws(List<TxnLotRow> rows) {
        return jdbc.update(INSERT_DRAWS.of(rows.size()), ps -> {
            Params p = new Params(ps);
            for (TxnLotRow d : rows) {
                p.addNullable(d.txnId).addNullable(d.lotId).addNullable(d.points);
            }
        });
    }

    /** A change to one member's total of one month. */
    public record MonthDelta(long memberId, String month, long delta) {}

    /** Adds to several (member, month) totals, each at most once, in one statement. */
    public void addMonthly(List<MonthDelta> deltas, long nowMs) {
        jdbc.update(ADD_MONTHLY.of(deltas.size()), ps -> {
            Params p = new Params(ps);
            for (MonthDelta d : deltas) {
                p.add(d.memberId()).add(d.month()).add(d.delta()).add(nowMs);
            }
        });
    }
}
