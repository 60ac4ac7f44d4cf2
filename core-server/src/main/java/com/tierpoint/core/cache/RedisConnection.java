package com.tierpoint.core.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Lettuce connection to Redis, opened lazily and re-opened after failures. Commands fail
 * fast (short timeout, rejected while disconnected) so a Redis outage costs a request
 * milliseconds, never a hang: callers fall back to MySQL.
 */
public class RedisConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisConnection.class);

    private static final long RETRY_CONNECT_AFTER_MS = 500;

    private final String url;
    private final Duration commandTimeout;
    private final RedisClient client;

    private volatile StatefulRedisConnection<String, String> connection;
    private long lastFailedConnect;

    public RedisConnection(String url, Duration commandTimeout) {
        this.url = url;
        this.commandTimeout = commandTimeout;
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(commandTimeout);
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(
                        SocketOptions.builder().connectTimeout(commandTimeout).build())
                .build());
    }

    public String url() {
        return url;
    }

    public Duration commandTimeout() {
        return commandTimeout;
    }

    /** Sync commands; throws a {@link io.lettuce.core.RedisException} when Redis cannot be reached. */
    public RedisCommands<String, String> sync() {
        StatefulRedisConnection<String, String> c = connection;
        if (c == null || !c.isOpen()) {
            c = open();
        }
        return c.sync();
    }

    /**
     * Connects, at most once per {@link #RETRY_CONNECT_AFTER_MS} while Redis is unreachable, so
     * requests in an outage fail at once instead of each waiting for a connect timeout.
     */
    private synchronized StatefulRedisConnection<String, String> open() {
        if (connection != null && connection.isOpen()) {
            return connection;
        }
        long now = System.nanoTime();
        if (lastFailedConnect != 0 && now - lastFailedConnect < RETRY_CONNECT_AFTER_MS * 1_000_000) {
            throw new RedisConnectionException("Redis unreachable; next connect attempt shortly");
        }
        try {
            connection = client.connect();
            lastFailedConnect = 0;
            log.info("connected to Redis");
            return connection;
        } catch (RedisConnectionException e) {
            lastFailedConnect = now;
            throw e;
        }
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            c.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
