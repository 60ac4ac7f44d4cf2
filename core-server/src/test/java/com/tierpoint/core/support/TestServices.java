package com.tierpoint.core.support;

import com.tierpoint.core.embedded.EmbeddedRedis;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where the tests' MySQL and Redis are. The real MariaDB (127.0.0.1:3306) and Redis
 * (127.0.0.1:6379) when they answer; otherwise H2 and an embedded redis-server, unless real
 * services are required ({@code CI=true} or {@code TIERPOINT_REQUIRE_REAL_SERVICES=true}), in
 * which case the run fails instead of quietly testing something else.
 */
public final class TestServices {

    /** Separate names let two checkouts run their suites at once on one MariaDB. */
    public static final String DB = env("TIERPOINT_TEST_DB_NAME", "tierpoint_test");

    static final String REDIS_DB = env("TIERPOINT_TEST_REDIS_DB", "15");

    private static TestServices instance;

    public final String jdbcUrl;
    public final String jdbcUser;
    public final String jdbcPassword;
    public final String redisHost;
    public final int redisPort;
    /** All test traffic to Redis goes through this proxy, so a test can cut Redis away. */
    public final TcpProxy redisProxy;

    public final boolean real;

    private TestServices() {
        boolean require = "true".equalsIgnoreCase(System.getenv("CI"))
                || "true".equalsIgnoreCase(System.getenv("TIERPOINT_REQUIRE_REAL_SERVICES"));
        String dbHost = env("TIERPOINT_TEST_DB_HOST", "127.0.0.1");
        int dbPort = Integer.parseInt(env("TIERPOINT_TEST_DB_PORT", "3306"));
        String rHost = env("TIERPOINT_TEST_REDIS_HOST", "127.0.0.1");
        int rPort = Integer.parseInt(env("TIERPOINT_TEST_REDIS_PORT", "6379"));
        boolean dbUp = reachable(dbHost, dbPort);
        boolean redisUp = reachable(rHost, rPort);
        if (require && (!dbUp || !redisUp)) {
            throw new IllegalStateException("real services are required but "
                    + (dbUp ? "" : "MySQL/MariaDB at " + dbHost + ":" + dbPort + " ")
                    + (redisUp ? "" : "Redis at " + rHost + ":" + rPort + " ") + "did not answer");
        }
        real = dbUp && redisUp;
        if (dbUp) {
            jdbcUser = env("TIERPOINT_TEST_DB_USER", "root");
            jdbcPassword = env("TIERPOINT_TEST_DB_PASSWORD", "");
            String base = "jdbc:mysql://" + dbHost + ":" + dbPort + "/";
            try (Connection c = DriverManager.getConnection(base + "test", jdbcUser, jdbcPassword);
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + DB);
                s.execute("CREATE DATABASE " + DB + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot prepare the test database", e);
            }
            jdbcUrl = base + DB + "?useUnicode=true&characterEncoding=utf8&rewriteBatchedStatements=true";
        } else {
            jdbcUrl = "jdbc:h2:mem:" + DB
                    + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=DAY,AT,RESULT,VALUE;DB_CLOSE_DELAY=-1";
            jdbcUser = "sa";
            jdbcPassword = "";
        }
        if (redisUp) {
            redisHost = rHost;
            redisPort = rPort;
        } else {
            EmbeddedRedis embedded = new EmbeddedRedis();
            String url = embedded.url();
            redisHost = "127.0.0.1";
            redisPort = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
        }
        redisProxy = new TcpProxy(redisHost, redisPort);
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(redisUrl());
        try (var c = client.connect()) {
            c.sync().flushdb();
        } finally {
            client.shutdown();
        }
    }

    public static synchronized TestServices get() {
        if (instance == null) {
            instance = new TestServices();
        }
        return instance;
    }

    /** Redis URL through the proxy; database 15 keeps test keys apart from anything else. */
    public String redisUrl() {
        return "redis://127.0.0.1:" + redisProxy.port() + "/" + REDIS_DB;
    }

    /** The same Redis database, not through the proxy: for a client that a cut must not reach. */
    public String directRedisUrl() {
        return "redis://" + redisHost + ":" + redisPort + "/" + REDIS_DB;
    }

    private static boolean reachable(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
