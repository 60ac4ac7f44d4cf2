package com.tierpoint.core.shared.infrastructure;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Binds a statement's parameters in order, nulls included; and reads nullable columns. */
public final class Params {

    private final PreparedStatement statement;
    private int next = 1;

    public Params(PreparedStatement statement) {
        this.statement = statement;
    }

    public Params add(long value) throws SQLException {
        statement.setLong(next++, value);
        return this;
    }

    /** Each value in turn, as for an {@code IN} list. */
    public Params addEach(Iterable<Long> values) throws SQLException {
        for (long v : values) {
            add(v);
        }
        return this;
    }

    public Params addNullable(Long value) throws SQLException {
        if (value == null) {
            statement.setNull(next++, Types.BIGINT);
        } else {
            statement.setLong(next++, value);
        }
        return this;
    }

    public Params add(String value) throws SQLException {
        if (value == null) {
            statement.setNull(next++, Types.VARCHAR);
        } else {
            statement.setString(next++, value);
        }
        return this;
    }

    /** How many parameters are bound so far. */
    public int bound() {
        return next - 1;
    }

    /** A BIGINT column that may be NULL. */
    public static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** An INT column that may be NULL. */
    public static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
