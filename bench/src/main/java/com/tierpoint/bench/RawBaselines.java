package com.tierpoint.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the same work costs without the service: bare JDBC (one connection per worker, one
 * transaction per operation, the same MariaDB and durability) and a bare Lettuce GET.
 */
final class RawBaselines {

    private static final AtomicLong ids = new AtomicLong(System.currentTimeMillis() << 20);

    private RawBaselines() {}

    /** INSERT a ledger row with a unique key + UPDATE the balance of a random account; commit. */
    static Result earn(Settings s, int concurrency, Duration seconds) throws Exception {
        try (Connections db = new Connections(s, concurrency)) {
            return LoadRun.run("raw-earn", concurrency, s.warmup(), seconds, (w, n) -> {
                Connection c = db.get(w);
                long account = 1 + ThreadLocalRandom.current().nextInt(s.members());
                try (PreparedStatement ins = c.prepareStatement(
                                "INSERT INTO raw_ledger (id, account_id, idem_key, points, created_at) VALUES (?, ?, ?, ?, ?)");
                        PreparedStatement upd = c.prepareStatement(
                                "UPDATE raw_account SET balance = balance + ?, updated_at = ? WHERE id = ?")) {
                    long now = System.currentTimeMillis();
                    ins.setLong(1, ids.incrementAndGet());
                    ins.setLong(2, account);
                    ins.setString(3, UUID.randomUUID().toString());
                    ins.setLong(4, 10);
                    ins.setLong(5, now);
                    ins.executeUpdate();
                    upd.setLong(1, 10);
                    upd.setLong(2, now);
                    upd.setLong(3, account);
                    if (upd.executeUpdate() != 1) {
                        throw new IllegalStateException("no account " + account);
                    }
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            });
        }
    }

    /** A guarded UPDATE of the one hot account (balance >= points) + INSERT of its ledger row; commit. */
    static Result redeemHot(Settings s, int concurrency, Duration seconds) throws Exception {
        try (Connections db = new Connections(s, concurrency)) {
            return LoadRun.run("raw-redeem-hot", concurrency, s.warmup(), seconds, (w, n) -> {
                Connection c = db.get(w);
                try (PreparedStatement upd = c.prepareStatement(
                                "UPDATE raw_account SET balance = balance - ?, updated_at = ? WHERE id = ? AND balance >= ?");
                        PreparedStatement ins = c.prepareStatement(
                                "INSERT INTO raw_ledger (id, account_id, idem_key, points, created_at) VALUES (?, ?, ?, ?, ?)")) {
                    long now = System.currentTimeMillis();
                    upd.setLong(1, 1);
                    upd.setLong(2, now);
                    upd.setLong(3, Seeding.HOT_ACCOUNT);
                    upd.setLong(4, 1);
                    if (upd.executeUpdate() != 1) {
                        throw new IllegalStateException("insufficient balance");
                    }
                    ins.setLong(1, ids.incrementAndGet());
                    ins.setLong(2, Seeding.HOT_ACCOUNT);
                    ins.setString(3, UUID.randomUUID().toString());
                    ins.setLong(4, -1);
                    ins.setLong(5, now);
                    ins.executeUpdate();
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            });
        }
    }

    /** A bare Lettuce GET of a ~400-byte member view, one shared connection. */
    static Result get(Settings s, int concurrency, Duration seconds) throws Exception {
        RedisClient client = RedisClient.create(s.redisUrl());
        try (StatefulRedisConnection<String, String> conn = client.connect()) {
            RedisCommands<String, String> redis = conn.sync();
            int keys = 1000;
            String view =
                    "7:3|" + "{\"memberId\":\"1000000001\",\"tier\":\"MEMBER\",\"points\":0}" + "x".repeat(400 - 60);
            for (int i = 0; i < keys; i++) {
                redis.set("bench:raw-view:" + i, view);
            }
            return LoadRun.run("raw-get", concurrency, s.warmup(), seconds, (w, n) -> {
                String v = redis.get(
                        "bench:raw-view:" + ThreadLocalRandom.current().nextInt(keys));
                if (v == null) {
                    throw new IllegalStateException("missing view");
                }
            });
        } finally {
            client.shutdown();
        }
    }

    /** One JDBC connection per worker, autocommit off, closed at the end. */
    private static final class Connections implements AutoCloseable {
        private final List<Connection> all = new ArrayList<>();

        Connections(Settings s, int n) throws SQLException {
            for (int i = 0; i < n; i++) {
                Connection c = DriverManager.getConnection(s.jdbcUrl(), s.dbUser(), s.dbPassword());
                c.setAutoCommit(false);
                all.add(c);
            }
        }

        Connection get(int worker) {
            return all.get(worker);
        }

        @Override
        public void close() throws SQLException {
            for (Connection c : all) {
                c.close();
            }
        }
    }
}
