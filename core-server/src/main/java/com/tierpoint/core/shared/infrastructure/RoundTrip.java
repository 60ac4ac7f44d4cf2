package com.tierpoint.core.shared.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Statements of one transaction that go to the database together, in the order added: on MySQL
 * as one multi-statement round trip, elsewhere one after the other (ADR 0018). The server runs
 * them in order and stops at the first that fails, whose error is thrown (translated, as
 * {@link JdbcTemplate} does); the caller's transaction then rolls back as usual.
 *
 * <p>A query's rows are available from its {@link Rows} once {@link #run} has returned; an update
 * added with an expected row count fails the round trip with {@link IllegalStateException} if it
 * touched another number of rows. Not thread-safe: one transaction's work, on its thread.
 */
public final class RoundTrip {

    /** Binds one statement's parameters, in order. */
    @FunctionalInterface
    public interface Binder {
        void bind(Params p) throws SQLException;
    }

    /** Reads the current row of a result. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The rows a query of the round trip answered; there once the round trip has run. */
    public static final class Rows<T> implements Supplier<List<T>> {

        private List<T> rows;

        /** The rows, in the order the database sent them. */
        @Override
        public List<T> get() {
            if (rows == null) {
                throw new IllegalStateException("the round trip of this query has not run");
            }
            return rows;
        }
    }

    private sealed interface Step permits Update, Query {
        String sql();

        Binder binder();
    }

    /** {@code expected} < 0: any count. */
    private record Update(String sql, Binder binder, int expected, String failure) implements Step {

        void check(int count) {
            if (expected >= 0 && count != expected) {
                throw new IllegalStateException(failure + " (" + count + " rows, expected " + expected + ")");
            }
        }
    }

    private record Query<T>(String sql, Binder binder, RowReader<T> reader, Rows<T> into) implements Step {

        void collect(ResultSet rs) throws SQLException {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(reader.read(rs));
            }
            into.rows = rows;
        }
    }

    private final JdbcTemplate jdbc;
    private final boolean together;
    private final List<Step> steps = new ArrayList<>();

    /**
     * @param together whether the connection takes several statements in one text (Connector/J
     *     with {@code allowMultiQueries}); see {@link RoundTrips}
     */
    RoundTrip(JdbcTemplate jdbc, boolean together) {
        this.jdbc = jdbc;
        this.together = together;
    }

    /** An update whose row count does not matter (an insert of rows with fresh keys, an upsert). */
    public RoundTrip update(String sql, Binder binder) {
        steps.add(new Update(sql, binder, -1, null));
        return this;
    }

    /** An update that must touch exactly {@code rows} rows; {@code failure} says what it means if not. */
    public RoundTrip update(String sql, Binder binder, int rows, String failure) {
        if (rows < 0) {
            throw new IllegalArgumentException("a row count is never negative, got " + rows);
        }
        steps.add(new Update(sql, binder, rows, failure));
        return this;
    }

    /** A query; its rows are in the answer once the round trip has run. */
    public <T> Rows<T> query(String sql, Binder binder, RowReader<T> reader) {
        Rows<T> into = new Rows<>();
        steps.add(new Query<>(sql, binder, reader, into));
        return into;
    }

    /** Statements added and not yet run. */
    public int size() {
        return steps.size();
    }

    /** Sends what was added (nothing when nothing was) and empties the round trip for reuse. */
    public void run() {
        if (steps.isEmpty()) {
            return;
        }
        List<Step> sending = List.copyOf(steps);
        steps.clear();
        jdbc.execute((ConnectionCallback<Void>) con -> {
            if (together && sending.size() > 1) {
                runTogether(con, sending);
            } else {
                for (Step s : sending) {
                    runAlone(con, s);
                }
            }
            return null;
        });
    }

    private static void runTogether(Connection con, List<Step> sending) throws SQLException {
        StringBuilder text = new StringBuilder();
        for (Step s : sending) {
            if (!text.isEmpty()) {
                text.append(";\n");
            }
            text.append(s.sql());
        }
        try (PreparedStatement ps = con.prepareStatement(text.toString())) {
            Params p = new Params(ps);
            for (Step s : sending) {
                s.binder().bind(p);
            }
            boolean resultSet = ps.execute();
            for (int i = 0; i < sending.size(); i++) {
                if (i > 0) {
                    resultSet = ps.getMoreResults();
                }
                take(ps, sending.get(i), resultSet);
            }
        }
    }

    private static void runAlone(Connection con, Step s) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(s.sql())) {
            s.binder().bind(new Params(ps));
            take(ps, s, ps.execute());
        }
    }

    private static void take(PreparedStatement ps, Step s, boolean resultSet) throws SQLException {
        if (s instanceof Query<?> q) {
            if (!resultSet) {
                throw new IllegalStateException("a query of the round trip answered no rows: " + q.sql());
            }
            try (ResultSet rs = ps.getResultSet()) {
                q.collect(rs);
            }
        } else if (s instanceof Update u) {
            if (resultSet) {
                throw new IllegalStateException("an update of the round trip answered rows: " + u.sql());
            }
            u.check(ps.getUpdateCount());
        }
    }
}
