package com.tierpoint.gateway.support;

import com.tierpoint.gateway.GatewayApplication;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One gateway, booted in this JVM exactly as {@code java -jar wechat-gateway.jar} would boot,
 * on a free HTTP port, against the test core, sandbox and Redis. Closing it is a gateway restart
 * (or crash) for the tests that need one.
 */
public final class GatewayInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private GatewayInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static GatewayInstance start(Clock clock, Map<String, String> properties) {
        Map<String, Object> props = new LinkedHashMap<>(properties);
        ConfigurableApplicationContext context = GatewayApplication.builder()
                .initializers(ctx -> {
                    ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("gateway-test", props));
                    ((GenericApplicationContext) ctx)
                            .registerBean("testClock", Clock.class, () -> clock, bd -> bd.setPrimary(true));
                })
                .run();
        return new GatewayInstance(context);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
