package com.tierpoint.core.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Holds the event sequence's row lock, as a slow sequencer would: while it is held, changes still
 * commit and write their outbox rows, but no instance can sequence them. Closing releases it.
 */
public final class SequenceLock implements AutoCloseable {

    private final Connection connection;

    private SequenceLock(Connection connection) {
        this.connection = connection;
    }

    public static SequenceLock hold(DataSource db) {
        try {
            Connection c = db.getConnection();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT last_seq FROM event_sequence WHERE id = 1 FOR UPDATE")
                        .close();
            }
            return new SequenceLock(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lock the event sequence", e);
        }
    }

    @Override
    public void close() {
        try (Connection c = connection) {
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release the event sequence", e);
        }
    }
}
