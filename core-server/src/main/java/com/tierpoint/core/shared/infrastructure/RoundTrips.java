package com.tierpoint.core.shared.infrastructure;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Opens {@link RoundTrip}s on the application's database: one multi-statement round trip where
 * the driver takes them (MySQL or MariaDB through Connector/J, {@code allowMultiQueries} on, as
 * {@link MySqlDriverSettings} sets it unless the URL says otherwise), one statement at a time
 * elsewhere (H2).
 */
@Component
public class RoundTrips {

    private final JdbcTemplate jdbc;
    private final boolean together;

    RoundTrips(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.together = dataSource instanceof HikariDataSource h && MySqlDriverSettings.allowsMultiQueries(h);
    }

    public RoundTrip open() {
        return new RoundTrip(jdbc, together);
    }

    /** Whether a round trip's statements go to the database as one text. */
    public boolean together() {
        return together;
    }
}
