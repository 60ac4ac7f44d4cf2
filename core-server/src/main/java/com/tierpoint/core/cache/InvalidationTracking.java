package com.tierpoint.core.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.push.PushMessage;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.ProtocolVersion;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dedicated RESP3 connection on which Redis broadcasts every change to keys under a prefix
 * ({@code CLIENT TRACKING ON BCAST PREFIX ...}): whichever instance or client writes, deletes or
 * expires such a key, this process hears of it. Nothing else is sent on it but a periodic PING.
 *
 * <p>The connection does not reconnect by itself: when it drops (or a PING fails) the listener is
 * told tracking was lost at once, and {@link #check()} opens a new one and starts tracking again
 * on a later tick.
 */
final class InvalidationTracking implements AutoCloseable {

    /** What the owner is told; called on Lettuce's I/O thread or the caller of {@link #check()}. */
    interface Listener {
        /** Tracking is on: every later change to a key under the prefix will be reported. */
        void started();

        /** Changes may go unreported from now on. */
        void lost();

        /** This key (under the prefix) changed, was deleted or expired. */
        void invalidated(String key);

        /** Every key may have changed (FLUSHDB, FLUSHALL). */
        void invalidatedAll();
    }

    private static final Logger log = LoggerFactory.getLogger(InvalidationTracking.class);

    private final RedisClient client;
    private final String prefix;
    private final Listener listener;
    private final AtomicReference<StatefulRedisConnection<String, String>> connection = new AtomicReference<>();
    private volatile long clientId = -1;
    private volatile boolean closed;
    /** Whether the failure to start tracking was already logged (once per outage, not every tick). */
    private boolean failureLogged;

    InvalidationTracking(String url, Duration commandTimeout, String prefix, Listener listener) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(commandTimeout);
        this.prefix = prefix;
        this.listener = listener;
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .protocolVersion(ProtocolVersion.RESP3)
                .autoReconnect(false)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(commandTimeout)
                        .keepAlive(true)
                        .build())
                .build());
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> dropped) {
                if (dropped == connection.get()) {
                    lose(connection.get(), "the tracking connection dropped");
                }
            }
        });
    }

    /**
     * Opens the connection and starts tracking when there is none, or PINGs the one there is (a
     * silent network partition shows up here). Called periodically from one thread.
     */
    synchronized void check() {
        if (closed) {
            return;
        }
        StatefulRedisConnection<String, String> c = connection.get();
        if (c != null) {
            try {
                c.sync().ping();
            } catch (RedisException e) {
                lose(c, "PING on the tracking connection failed: " + e.getMessage());
            }
            return;
        }
        try {
            c = client.connect();
        } catch (RedisException e) {
            logFailure("cannot connect: " + e.getMessage());
            return;
        }
        try {
            c.addListener(this::onPush);
            clientId = c.sync().clientId();
            c.sync().clientTracking(TrackingArgs.Builder.enabled().bcast().prefixes(prefix));
        } catch (RedisException e) {
            // e.g. a Redis before 6, which has neither RESP3 nor tracking: the near-cache stays off
            logFailure("cannot start tracking: " + e.getMessage());
            c.closeAsync();
            return;
        }
        connection.set(c);
        listener.started();
        // it may have dropped before it was set, or before started(): then lost() must come last
        if (!c.isOpen() || connection.get() != c) {
            lose(c, "the tracking connection dropped while starting");
            listener.lost();
            return;
        }
        failureLogged = false;
        log.info("Redis tracks '{}*' for this process: member views are kept in memory", prefix);
    }

    private void logFailure(String why) {
        if (!failureLogged) {
            failureLogged = true;
            log.warn("member views are not kept in memory until Redis tracks changes to them: {}", why);
        }
    }

    /** Whether a tracking connection is open (tracking may still be starting on it). */
    boolean connected() {
        StatefulRedisConnection<String, String> c = connection.get();
        return c != null && c.isOpen();
    }

    /** The Redis client id of the tracking connection, -1 before the first; for operators and tests. */
    long clientId() {
        return clientId;
    }

    private void onPush(PushMessage message) {
        if (!"invalidate".equals(message.getType())) {
            return;
        }
        List<Object> content = message.getContent(StringCodec.UTF8::decodeKey);
        Object keys = content.size() > 1 ? content.get(1) : null;
        if (keys instanceof List<?> list) {
            for (Object key : list) {
                listener.invalidated(String.valueOf(key));
            }
        } else {
            listener.invalidatedAll();
        }
    }

    private void lose(StatefulRedisConnection<String, String> c, String why) {
        if (c != null && connection.compareAndSet(c, null)) {
            listener.lost();
            c.closeAsync();
            if (!closed) {
                log.warn("member views no longer kept in memory: {}", why);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        lose(connection.get(), "closing");
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
