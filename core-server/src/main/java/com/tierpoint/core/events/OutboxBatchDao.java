package com.tierpoint.core.events;

import com.tierpoint.core.events.model.SequencePlan;
import com.tierpoint.core.shared.infrastructure.RoundTrip;
import com.tierpoint.core.shared.infrastructure.SizedSql;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The outbox statements run per grouped write and per sequencer run, over plain JDBC (ADR 0017). */
@Component
public class OutboxBatchDao {

    private static final SizedSql INSERT_ALL = new SizedSql(
            n -> "INSERT INTO outbox_event (id, member_id, member_version, event_type, payload, created_at) VALUES "
                    + SizedSql.times(n, "(?, ?, ?, ?, ?, ?)", ", "));

    /**
     * The committed rows without a sequence: the oldest {@code ?} of them and every other one of
     * their members (a batch must hold all of a member's pending rows, see SequencePlan).
     */
    private static final String PENDING_BATCH =
            "SELECT id, member_id, member_version FROM outbox_event WHERE seq IS NULL AND member_id IN"
                    + " (SELECT member_id FROM (SELECT member_id FROM outbox_event WHERE seq IS NULL ORDER BY id LIMIT ?) f)";

    private static final String LOCK_SEQUENCE = "SELECT last_seq FROM event_sequence WHERE id = 1 FOR UPDATE";

    private static final String ADVANCE_SEQUENCE = "UPDATE event_sequence SET last_seq = ? WHERE id = 1";

    private static final String ANY_PENDING = "SELECT EXISTS (SELECT 1 FROM outbox_event WHERE seq IS NULL)";

    private static final SizedSql ASSIGN = new SizedSql(n -> "UPDATE outbox_event SET seq = CASE id "
            + SizedSql.times(n, "WHEN ? THEN ?", " ")
            + " END WHERE seq IS NULL AND id IN "
            + SizedSql.placeholders(n));

    private final JdbcTemplate jdbc;

    OutboxBatchDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends events (with fresh ids). */
    public void insertAll(RoundTrip trip, List<OutboxRow> rows) {
        trip.update(INSERT_ALL.of(rows.size()), p -> {
            for (OutboxRow r : rows) {
                p.add(r.id)
                        .add(r.memberId)
                        .add(r.memberVersion)
                        .add(r.eventType)
                        .add(r.payload)
                        .add(r.createdAt);
            }
        });
    }

    /** Whether any committed row waits for its sequence (one cheap query, outside any transaction). */
    public boolean anyPending() {
        return Boolean.TRUE.equals(jdbc.queryForObject(ANY_PENDING, Boolean.class));
    }

    /**
     * Locks the event sequence for the rest of the transaction (one sequencer at a time, any
     * instance) and then reads the rows to sequence next, at most {@code limit} of them plus the
     * other pending rows of their members: both in the trip, the lock first.
     */
    public SequencingRead lockAndReadPending(RoundTrip trip, int limit) {
        RoundTrip.Rows<Long> last = trip.query(LOCK_SEQUENCE, p -> {}, rs -> rs.getLong(1));
        RoundTrip.Rows<SequencePlan.Pending> pending = trip.query(
                PENDING_BATCH,
                p -> p.add(limit),
                rs -> new SequencePlan.Pending(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
        return new SequencingRead(last, pending);
    }

    /** What {@link #lockAndReadPending} answers once its trip has run. */
    public record SequencingRead(RoundTrip.Rows<Long> last, RoundTrip.Rows<SequencePlan.Pending> pending) {

        public long lastSeq() {
            List<Long> rows = last.get();
            if (rows.size() != 1) {
                throw new IllegalStateException("event_sequence must hold exactly one row, found " + rows.size());
            }
            return rows.get(0);
        }
    }

    /**
     * Gives each row its sequence, in one statement that must touch every one of them (only rows
     * still unsequenced are touched), and moves the sequence to the last one given.
     */
    public void assign(RoundTrip trip, List<SequencePlan.Assignment> assignments) {
        trip.update(
                ASSIGN.of(assignments.size()),
                p -> {
                    for (SequencePlan.Assignment a : assignments) {
                        p.add(a.id()).add(a.seq());
                    }
                    for (SequencePlan.Assignment a : assignments) {
                        p.add(a.id());
                    }
                },
                assignments.size(),
                "outbox rows were sequenced concurrently despite the lock");
        long last = assignments.get(assignments.size() - 1).seq();
        trip.update(ADVANCE_SEQUENCE, p -> p.add(last), 1, "event_sequence lost its row");
    }
}
