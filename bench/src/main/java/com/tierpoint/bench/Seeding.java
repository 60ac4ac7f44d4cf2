package com.tierpoint.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Test data, written in bulk: the members the core's scenarios use (plain enrolled members, no
 * points yet) and the tables of the raw baselines. Runs once per bench/run.sh invocation, on a
 * freshly created database that the core has already migrated.
 */
final class Seeding {

    /** Member ids of the seeded members are FIRST_MEMBER .. FIRST_MEMBER + members - 1. */
    static final long FIRST_MEMBER = 1_000_000_000L;
    /** The raw baselines' hot account. */
    static final long HOT_ACCOUNT = 0;

    private Seeding() {}

    static void seed(Settings s) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                s.jdbcUrl() + (s.jdbcUrl().contains("?") ? "&" : "?") + "rewriteBatchedStatements=true",
                s.dbUser(),
                s.dbPassword())) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS raw_account (id BIGINT NOT NULL PRIMARY KEY,"
                        + " balance BIGINT NOT NULL, updated_at BIGINT NOT NULL)");
                st.execute("CREATE TABLE IF NOT EXISTS raw_ledger (id BIGINT NOT NULL PRIMARY KEY,"
                        + " account_id BIGINT NOT NULL, idem_key VARCHAR(128) NOT NULL, points BIGINT NOT NULL,"
                        + " created_at BIGINT NOT NULL, CONSTRAINT uk_raw_ledger_key UNIQUE (idem_key))");
            }
            c.setAutoCommit(false);
            long now = System.currentTimeMillis();
            try (PreparedStatement members = c.prepareStatement(
                            "INSERT INTO member (id, app_id, openid, nickname, tier_code, tier_since, points_balance,"
                                    + " growth_value, total_spend_fen, order_count, valid_invites, version,"
                                    + " enrolled_at, updated_at) VALUES (?, 'wxbench', ?, 'bench', 'MEMBER', ?,"
                                    + " 0, 0, 0, 0, 0, 1, ?, ?)");
                    PreparedStatement accounts =
                            c.prepareStatement("INSERT INTO raw_account (id, balance, updated_at) VALUES (?, ?, ?)")) {
                for (int i = 0; i < s.members(); i++) {
                    long id = FIRST_MEMBER + i;
                    members.setLong(1, id);
                    members.setString(2, "o_bench_" + i);
                    members.setLong(3, now);
                    members.setLong(4, now);
                    members.setLong(5, now);
                    members.addBatch();
                    accounts.setLong(1, i + 1);
                    accounts.setLong(2, 0);
                    accounts.setLong(3, now);
                    accounts.addBatch();
                    if (i % 5000 == 4999) {
                        members.executeBatch();
                        accounts.executeBatch();
                    }
                }
                members.executeBatch();
                accounts.setLong(1, HOT_ACCOUNT);
                accounts.setLong(2, 1_000_000_000_000L);
                accounts.setLong(3, now);
                accounts.addBatch();
                accounts.executeBatch();
            }
            c.commit();
        }
    }
}
