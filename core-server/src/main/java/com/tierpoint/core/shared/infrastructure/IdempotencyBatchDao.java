package com.tierpoint.core.shared.infrastructure;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The idempotency statements of a grouped write, over plain JDBC (ADR 0017). */
@Component
public class IdempotencyBatchDao {

    private static final SizedSql STORED_KEYS = new SizedSql(n ->
            "SELECT idem_key FROM idempotency_record WHERE client_id = ? AND idem_key IN " + SizedSql.placeholders(n));

    private static final SizedSql INSERT_ALL = new SizedSql(n -> "INSERT INTO idempotency_record"
            + " (id, client_id, idem_key, operation, request_hash, response, created_at) VALUES "
            + SizedSql.times(n, "(?, ?, ?, ?, ?, ?, ?)", ", "));

    private final JdbcTemplate jdbc;

    IdempotencyBatchDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Which of these keys of the client are stored. */
    public List<String> storedKeys(String clientId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                STORED_KEYS.of(keys.size()),
                ps -> {
                    Params p = new Params(ps).add(clientId);
                    for (String k : keys) {
                        p.add(k);
                    }
                },
                (rs, i) -> rs.getString(1));
    }

    /** Claims several keys with their results in one statement; fails as a whole on a key already taken. */
    public void insertAll(RoundTrip trip, List<IdempotencyRow> rows) {
        trip.update(INSERT_ALL.of(rows.size()), p -> {
            for (IdempotencyRow r : rows) {
                p.addNullable(r.id)
                        .add(r.clientId)
                        .add(r.idemKey)
                        .add(r.operation)
                        .add(r.requestHash)
                        .add(r.response)
                        .addNullable(r.createdAt);
            }
        });
    }
}
