package com.tierpoint.core.shared.infrastructure;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Connector/J settings for MySQL / MariaDB URLs (H2 rejects unknown settings, so they are not in
 * application.yml): parse each statement's SQL once per connection instead of on every call; let
 * the driver remember the session's autocommit and isolation instead of asking the server; and
 * take several statements in one text, which {@link RoundTrip} sends as one round trip (every
 * statement of the application binds its values as parameters, so no value ever becomes SQL
 * text). None of these changes what is sent as a transaction or when it is made durable. A setting
 * given in the URL or in {@code spring.datasource.hikari.data-source-properties} wins.
 */
@Component
class MySqlDriverSettings implements BeanPostProcessor {

    static final Map<String, String> SETTINGS = Map.of(
            "cachePrepStmts", "true",
            "prepStmtCacheSize", "250",
            // a grouped write's round trip (ADR 0018) is one text of 2-12 KB per batch size
            "prepStmtCacheSqlLimit", "12288",
            "useLocalSessionState", "true",
            "allowMultiQueries", "true");

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource ds && isMySql(ds.getJdbcUrl())) {
            SETTINGS.forEach((name, value) -> {
                if (!ds.getJdbcUrl().contains(name + "=")
                        && !ds.getDataSourceProperties().containsKey(name)) {
                    ds.addDataSourceProperty(name, value);
                }
            });
        }
        return bean;
    }

    /** Whether connections of this pool take several statements in one text. */
    static boolean allowsMultiQueries(HikariDataSource ds) {
        if (!isMySql(ds.getJdbcUrl())) {
            return false;
        }
        String url = ds.getJdbcUrl();
        int at = url.indexOf("allowMultiQueries=");
        if (at >= 0) {
            return url.regionMatches(true, at + "allowMultiQueries=".length(), "true", 0, 4);
        }
        return "true"
                .equalsIgnoreCase(String.valueOf(ds.getDataSourceProperties().get("allowMultiQueries")));
    }

    static boolean isMySql(String url) {
        return url != null && (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:"));
    }
}
