package com.tierpoint.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What grouped earns cost in SQL alone: the core's grouping, with no service around it. Callers
 * (one thread per earn in flight) queue an earn and wait; a writer takes whatever is queued (at
 * most 64, as group commit does), writes it over bare JDBC on its own connection, commits, and
 * answers them all (one writer, as the core has, unless {@code BENCH_FLOOR_WRITERS} says more); a
 * further connection numbers the committed events, as the core's sequencer does. Nothing else
 * runs: no gRPC, no domain code, no cache. The gap between {@code earn} and this floor is what
 * the service costs; the gap between this floor and {@code raw-earn} is what the statements cost.
 *
 * <p>{@link Statements#CORE} sends what the core's grouped earn sends (docs/adr/0012, 0018,
 * 0007): the members locked and their open lots read in one round trip; ledger lines, lots,
 * monthly totals, balances, outbox rows and idempotency records (with a stored answer the size
 * of the core's) in a second; the leaderboard mirror's two reads in a third; the commit.
 * {@link Statements#LEDGER} sends only what DESIGN.md's ledger invariants require of an earn:
 * the lock, a ledger line, a lot, an outbox row, an idempotency record and the balance.
 */
final class FloorEarn {

    enum Statements {
        CORE,
        LEDGER
    }

    /** The core's stored answer of an Earn is about this long (bench database, 2026-11). */
    static final int ANSWER_CHARS = 470;

    /** And its event's payload. */
    static final int PAYLOAD_CHARS = 265;

    private static final int MAX_BATCH = 64;

    private static final AtomicLong ids = new AtomicLong(System.currentTimeMillis() << 22);

    private record Earn(long member, String key, CompletableFuture<Void> done) {}

    private FloorEarn() {}

    static Result run(String scenario, Statements which, Settings s, int concurrency, Duration seconds)
            throws Exception {
        LinkedBlockingQueue<Earn> queue = new LinkedBlockingQueue<>();
        String url = s.jdbcUrl() + (s.jdbcUrl().contains("?") ? "&" : "?")
                + "allowMultiQueries=true&cachePrepStmts=true&prepStmtCacheSqlLimit=65536";
        List<Writer> writers = new ArrayList<>();
        for (int i = 0; i < writerCount(); i++) {
            writers.add(new Writer(url, s, which, queue));
        }
        Sequencer sequencer = new Sequencer(url, s);
        writers.forEach(Thread::start);
        sequencer.start();
        try {
            return LoadRun.run(scenario, concurrency, s.warmup(), seconds, (w, n) -> {
                long member = Seeding.FIRST_MEMBER + ThreadLocalRandom.current().nextInt(s.members());
                Earn e = new Earn(member, UUID.randomUUID().toString(), new CompletableFuture<>());
                queue.add(e);
                e.done().get(30, TimeUnit.SECONDS);
            });
        } finally {
            for (Writer w : writers) {
                w.interrupt();
                w.join();
            }
            sequencer.interrupt();
            sequencer.join();
        }
    }

    /** Writers taking batches from the one queue: BENCH_FLOOR_WRITERS, 1 by default (as the core's group commit). */
    private static int writerCount() {
        String n = System.getenv("BENCH_FLOOR_WRITERS");
        return n == null || n.isBlank() ? 1 : Integer.parseInt(n);
    }

    private static String each(int n, String one, String between) {
        return String.join(between, Collections.nCopies(n, one));
    }

    /** One connection, one batch at a time. */
    private static final class Writer extends Thread {
        private final String url;
        private final Settings s;
        private final Statements which;
        private final LinkedBlockingQueue<Earn> queue;
        private final Map<Integer, String[]> texts = new HashMap<>();
        private final String answer = "a".repeat(ANSWER_CHARS);
        private final String payload = "p".repeat(PAYLOAD_CHARS);
        private final String hash = "h".repeat(64);

        Writer(String url, Settings s, Statements which, LinkedBlockingQueue<Earn> queue) {
            super("floor-writer");
            setDaemon(true);
            this.url = url;
            this.s = s;
            this.which = which;
            this.queue = queue;
        }

        @Override
        public void run() {
            try (Connection c = connect(url, s)) {
                while (!isInterrupted()) {
                    List<Earn> batch = new ArrayList<>();
                    batch.add(queue.take());
                    queue.drainTo(batch, MAX_BATCH - 1);
                    // by member in id order: a member's earns are written together, as the core writes them
                    Map<Long, List<Earn>> byMember = new TreeMap<>();
                    batch.forEach(e -> byMember.computeIfAbsent(e.member(), m -> new ArrayList<>())
                            .add(e));
                    try {
                        write(c, byMember);
                        c.commit();
                        batch.forEach(e -> e.done().complete(null));
                    } catch (SQLException e) {
                        c.rollback();
                        batch.forEach(x -> x.done().completeExceptionally(e));
                    }
                }
            } catch (InterruptedException e) {
                // stopped
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private String[] texts(int members, int earns) {
            return texts.computeIfAbsent(members * 1000 + earns, k -> {
                String in = "(" + each(members, "?", ", ") + ")";
                String lock = "SELECT * FROM member WHERE id IN " + in + " ORDER BY id FOR UPDATE";
                if (which == Statements.CORE) {
                    lock += "; SELECT * FROM points_lot WHERE remaining > 0 AND member_id IN " + in
                            + " ORDER BY member_id, expires_at, id";
                }
                String write = "INSERT INTO points_txn (id, member_id, txn_type, points, balance_after, reason,"
                        + " source, ref_txn_id, order_id, available_at, expires_at, created_at) VALUES "
                        + each(earns, "(?, ?, 'EARN', ?, ?, 'bench', 'bench', NULL, NULL, ?, ?, ?)", ", ")
                        + "; INSERT INTO points_lot (id, member_id, earn_txn_id, amount, remaining, available_at,"
                        + " expires_at, created_at) VALUES " + each(earns, "(?, ?, ?, ?, ?, ?, ?, ?)", ", ");
                if (which == Statements.CORE) {
                    write += "; INSERT INTO points_month (member_id, earn_month, points, updated_at) VALUES "
                            + each(members, "(?, ?, ?, ?)", ", ")
                            + " ON DUPLICATE KEY UPDATE points = points + VALUES(points), updated_at = VALUES(updated_at)";
                }
                write += "; UPDATE member SET points_balance = CASE id " + each(members, "WHEN ? THEN ?", " ")
                        + " END, version = CASE id " + each(members, "WHEN ? THEN ?", " ")
                        + " END, updated_at = ? WHERE id IN " + in
                        + " AND version = CASE id " + each(members, "WHEN ? THEN ?", " ") + " END"
                        + "; INSERT INTO outbox_event (id, member_id, member_version, event_type, payload, created_at)"
                        + " VALUES " + each(earns, "(?, ?, ?, 'points.earned', ?, ?)", ", ")
                        + "; INSERT INTO idempotency_record (id, client_id, idem_key, operation, request_hash,"
                        + " response, created_at) VALUES " + each(earns, "(?, 'bench', ?, 'Earn', ?, ?, ?)", ", ");
                String mirror = "SELECT m.id, COALESCE(p.points, 0), m.version FROM member m"
                        + " LEFT JOIN points_month p ON p.member_id = m.id AND p.earn_month = ? WHERE m.id IN " + in
                        + "; SELECT member_id, group_id FROM member_group WHERE member_id IN " + in;
                return new String[] {lock, write, mirror};
            });
        }

        private void write(Connection c, Map<Long, List<Earn>> byMember) throws SQLException {
            int members = byMember.size();
            int earns = byMember.values().stream().mapToInt(List::size).sum();
            String[] sql = texts(members, earns);
            long now = System.currentTimeMillis();
            String month = "2026-11";
            Map<Long, long[]> state = new HashMap<>(); // member -> {balance, version}
            try (PreparedStatement lock = c.prepareStatement(sql[0])) {
                int p = 1;
                for (long m : byMember.keySet()) {
                    lock.setLong(p++, m);
                }
                if (which == Statements.CORE) {
                    for (long m : byMember.keySet()) {
                        lock.setLong(p++, m);
                    }
                }
                lock.execute();
                try (ResultSet rs = lock.getResultSet()) {
                    while (rs.next()) {
                        state.put(rs.getLong("id"), new long[] {rs.getLong("points_balance"), rs.getLong("version")});
                    }
                }
                drain(lock);
            }
            try (PreparedStatement w = c.prepareStatement(sql[1])) {
                int p = 1;
                long[] txns = new long[earns];
                long[] versions = new long[earns];
                long[] balances = new long[earns];
                long expires = now + Duration.ofDays(365).toMillis();
                int i = 0;
                Map<Long, long[]> after = new HashMap<>();
                for (Map.Entry<Long, List<Earn>> m : byMember.entrySet()) {
                    long[] st = state.get(m.getKey());
                    long balance = st[0];
                    long version = st[1];
                    for (Earn ignored : m.getValue()) {
                        balance += 10;
                        version += 1;
                        txns[i] = ids.incrementAndGet();
                        balances[i] = balance;
                        versions[i] = version;
                        i++;
                    }
                    after.put(m.getKey(), new long[] {balance, version, st[1]});
                }
                i = 0;
                for (Map.Entry<Long, List<Earn>> m : byMember.entrySet()) {
                    for (Earn ignored : m.getValue()) {
                        w.setLong(p++, txns[i]);
                        w.setLong(p++, m.getKey());
                        w.setLong(p++, 10);
                        w.setLong(p++, balances[i]);
                        w.setLong(p++, now);
                        w.setLong(p++, expires);
                        w.setLong(p++, now);
                        i++;
                    }
                }
                i = 0;
                for (Map.Entry<Long, List<Earn>> m : byMember.entrySet()) {
                    for (Earn ignored : m.getValue()) {
                        w.setLong(p++, ids.incrementAndGet());
                        w.setLong(p++, m.getKey());
                        w.setLong(p++, txns[i]);
                        w.setLong(p++, 10);
                        w.setLong(p++, 10);
                        w.setLong(p++, now);
                        w.setLong(p++, expires);
                        w.setLong(p++, now);
                        i++;
                    }
                }
                if (which == Statements.CORE) {
                    for (Map.Entry<Long, List<Earn>> m : byMember.entrySet()) {
                        w.setLong(p++, m.getKey());
                        w.setString(p++, month);
                        w.setLong(p++, 10L * m.getValue().size());
                        w.setLong(p++, now);
                    }
                }
                for (long m : byMember.keySet()) {
                    w.setLong(p++, m);
                    w.setLong(p++, after.get(m)[0]);
                }
                for (long m : byMember.keySet()) {
                    w.setLong(p++, m);
                    w.setLong(p++, after.get(m)[1]);
                }
                w.setLong(p++, now);
                for (long m : byMember.keySet()) {
                    w.setLong(p++, m);
                }
                for (long m : byMember.keySet()) {
                    w.setLong(p++, m);
                    w.setLong(p++, after.get(m)[2]);
                }
                i = 0;
                for (Map.Entry<Long, List<Earn>> m : byMember.entrySet()) {
                    for (Earn ignored : m.getValue()) {
                        w.setLong(p++, ids.incrementAndGet());
                        w.setLong(p++, m.getKey());
                        w.setLong(p++, versions[i]);
                        w.setString(p++, payload);
                        w.setLong(p++, now);
                        i++;
                    }
                }
                for (List<Earn> es : byMember.values()) {
                    for (Earn e : es) {
                        w.setLong(p++, ids.incrementAndGet());
                        w.setString(p++, e.key());
                        w.setString(p++, hash);
                        w.setString(p++, answer);
                        w.setLong(p++, now);
                    }
                }
                w.execute();
                if (w.getUpdateCount() != earns) {
                    throw new SQLException("ledger lines not written");
                }
                drain(w);
            }
            if (which == Statements.CORE) {
                try (PreparedStatement mirror = c.prepareStatement(sql[2])) {
                    int p = 1;
                    mirror.setString(p++, month);
                    for (long m : byMember.keySet()) {
                        mirror.setLong(p++, m);
                    }
                    for (long m : byMember.keySet()) {
                        mirror.setLong(p++, m);
                    }
                    mirror.execute();
                    drain(mirror);
                }
            }
        }
    }

    /** A connection as the core's grouped writes use one: autocommit off, READ COMMITTED (ADR 0019). */
    private static Connection connect(String url, Settings s) throws SQLException {
        Connection c = DriverManager.getConnection(url, s.dbUser(), s.dbPassword());
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return c;
    }

    /** Reads every further result of a multi-statement text to its end. */
    private static void drain(PreparedStatement st) throws SQLException {
        while (st.getMoreResults() || st.getUpdateCount() != -1) {
            ResultSet rs = st.getResultSet();
            if (rs != null) {
                while (rs.next()) {
                    // read, as the core reads its rows
                }
                rs.close();
            }
        }
    }

    /** Numbers committed events, in the core sequencer's two round trips (ADR 0007). */
    private static final class Sequencer extends Thread {
        private final String url;
        private final Settings s;

        Sequencer(String url, Settings s) {
            super("floor-sequencer");
            setDaemon(true);
            this.url = url;
            this.s = s;
        }

        @Override
        public void run() {
            try (Connection c = connect(url, s)) {
                while (!isInterrupted()) {
                    if (numberPending(c) == 0) {
                        Thread.sleep(10); // the core's sequencer is nudged 10 ms after a commit
                    }
                }
            } catch (InterruptedException e) {
                // stopped
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private int numberPending(Connection c) throws SQLException {
            List<Long> pending = new ArrayList<>();
            long last;
            try (PreparedStatement read =
                    c.prepareStatement("SELECT last_seq FROM event_sequence WHERE id = 1 FOR UPDATE;"
                            + " SELECT id FROM outbox_event WHERE seq IS NULL AND member_id IN (SELECT member_id FROM"
                            + " (SELECT member_id FROM outbox_event WHERE seq IS NULL ORDER BY id LIMIT 1000) f)"
                            + " ORDER BY member_id, member_version, id")) {
                read.execute();
                try (ResultSet rs = read.getResultSet()) {
                    rs.next();
                    last = rs.getLong(1);
                }
                read.getMoreResults();
                try (ResultSet rs = read.getResultSet()) {
                    while (rs.next()) {
                        pending.add(rs.getLong(1));
                    }
                }
            }
            if (pending.isEmpty()) {
                c.commit();
                return 0;
            }
            int n = pending.size();
            try (PreparedStatement assign = c.prepareStatement("UPDATE outbox_event SET seq = CASE id "
                    + each(n, "WHEN ? THEN ?", " ") + " END WHERE seq IS NULL AND id IN (" + each(n, "?", ", ")
                    + "); UPDATE event_sequence SET last_seq = ? WHERE id = 1")) {
                int p = 1;
                for (int i = 0; i < n; i++) {
                    assign.setLong(p++, pending.get(i));
                    assign.setLong(p++, last + 1 + i);
                }
                for (long id : pending) {
                    assign.setLong(p++, id);
                }
                assign.setLong(p, last + n);
                assign.execute();
                drain(assign);
            }
            c.commit();
            return n;
        }
    }
}
