package com.tierpoint.core.events;

import com.tierpoint.core.events.model.SequencePlan;
import com.tierpoint.core.shared.infrastructure.Params;
import com.tierpoint.core.shared.infrastructure.RoundTrip;
import com.tierpoint.core.shared.infrastructure.SizedSql;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The outbox statements run per grouped write and per sequencer run, over plain JDBC (ADR 0017). */
@Component
public class OutboxBatchDao {

    private static final SizedSql INSERT_ALL = new SizedSql(
            n -> "INSERT INTO outbox_event (id, member_id, member_version, event_type, payload, created_at) VALUES "
                    + SizedSql.times(n, "(?, ?, ?, ?, ?, ?)", ", "));

    private static final SizedSql UNSEQUENCED_OF = new SizedSql(
            n -> "SELECT id, member_id, member_version FROM outbox_event WHERE seq IS NULL AND member_id IN "
                    + SizedSql.placeholders(n));

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

    /** Every committed row without a sequence yet of these members (id, member and version only). */
    public List<OutboxRow> unsequencedOf(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(UNSEQUENCED_OF.of(memberIds.size()), ps -> new Params(ps).addEach(memberIds), (rs, i) -> {
            OutboxRow r = new OutboxRow();
            r.id = rs.getLong("id");
            r.memberId = rs.getLong("member_id");
            r.memberVersion = rs.getLong("member_version");
            return r;
        });
    }

    /** Writes a batch of sequences in one statement; only rows still unsequenced are touched. */
    public int assign(List<SequencePlan.Assignment> assignments) {
        return jdbc.update(ASSIGN.of(assignments.size()), ps -> {
            Params p = new Params(ps);
            for (SequencePlan.Assignment a : assignments) {
                p.add(a.id()).add(a.seq());
            }
            for (SequencePlan.Assignment a : assignments) {
                p.add(a.id());
            }
        });
    }
}
