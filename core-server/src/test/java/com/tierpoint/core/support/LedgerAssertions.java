package com.tierpoint.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.jdbc.core.JdbcTemplate;

/** Checks the ledger invariants of one member straight in the database. */
public final class LedgerAssertions {

    private LedgerAssertions() {}

    /**
     * Balance = sum of ledger lines = sum of lots' remaining; never negative; no lot out of range;
     * each ledger line's lot draws add up to its points.
     */
    public static void assertLedgerConsistent(JdbcTemplate db, String memberId) {
        long id = Long.parseLong(memberId);
        Long balance = db.queryForObject("SELECT points_balance FROM member WHERE id = ?", Long.class, id);
        Long ledger = db.queryForObject(
                "SELECT COALESCE(SUM(points), 0) FROM points_txn WHERE member_id = ?", Long.class, id);
        Long lots = db.queryForObject(
                "SELECT COALESCE(SUM(remaining), 0) FROM points_lot WHERE member_id = ?", Long.class, id);
        Integer badLots = db.queryForObject(
                "SELECT COUNT(*) FROM points_lot WHERE member_id = ? AND (remaining < 0 OR remaining > amount)",
                Integer.class,
                id);
        Integer negativeLines = db.queryForObject(
                "SELECT COUNT(*) FROM points_txn WHERE member_id = ? AND balance_after < 0", Integer.class, id);
        Integer drawMismatches = db.queryForObject(
                """
                SELECT COUNT(*) FROM points_txn t
                 WHERE t.member_id = ? AND t.txn_type <> 'EARN'
                   AND ABS(t.points) <> (SELECT COALESCE(SUM(d.points), 0) FROM points_txn_lot d WHERE d.txn_id = t.id)
                """,
                Integer.class,
                id);
        assertThat(balance).as("balance >= 0").isGreaterThanOrEqualTo(0);
        assertThat(ledger).as("sum of ledger lines = balance").isEqualTo(balance);
        assertThat(lots).as("sum of lots' remaining = balance").isEqualTo(balance);
        assertThat(badLots).as("lots within [0, amount]").isZero();
        assertThat(negativeLines).as("no line leaves a negative balance").isZero();
        assertThat(drawMismatches)
                .as("every debit/credit line's lot draws add up to its points")
                .isZero();
    }
}
