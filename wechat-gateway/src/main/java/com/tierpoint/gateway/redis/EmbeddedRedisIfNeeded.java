package com.tierpoint.gateway.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * The configured Redis URL, or, when none is configured, a real redis-server process started on
 * a free loopback port that keeps nothing on disk (the quickstart).
 */
final class EmbeddedRedisIfNeeded implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisIfNeeded.class);

    private final String url;
    private final RedisServer server;

    EmbeddedRedisIfNeeded(String configuredUrl) {
        if (configuredUrl != null && !configuredUrl.isBlank()) {
            this.url = configuredUrl;
            this.server = null;
            return;
        }
        int port = freePort();
        try {
            server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded Redis", e);
        }
        this.url = "redis://127.0.0.1:" + port;
        log.info("no TIERPOINT_REDIS_URL: started an embedded Redis on 127.0.0.1:{}", port);
    }

    String url() {
        return url;
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
