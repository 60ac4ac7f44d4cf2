package com.tierpoint.core.support;

import com.tierpoint.core.TierpointCoreApplication;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One more core-server, in this JVM, beside the one {@link CoreTestBase} boots: its own Spring
 * context, in-process gRPC server and Snowflake node id, on the same test database and Redis,
 * with the same test clients and keys, and the business clock it is given. Several of them
 * behave like instances of a cluster behind a load balancer; closing one is a core restart or a
 * crash of that instance.
 *
 * <pre>{@code
 * try (CoreInstance b = CoreInstance.start("core-b", clock, Map.of())) {
 *     MemberServiceGrpc.newBlockingStub(b.channel()).withCallCredentials(CoreTestBase.key(ADMIN_KEY))...
 * }
 * }</pre>
 */
public final class CoreInstance implements AutoCloseable {

    /** Node 0 is the main test context's; every instance takes the next one. */
    private static final AtomicInteger NEXT_NODE = new AtomicInteger(1);

    private final String name;
    private final ConfigurableApplicationContext context;
    private final ManagedChannel channel;

    private CoreInstance(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
        this.channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    }

    /**
     * Boots an instance and waits until it serves.
     *
     * @param name its in-process gRPC server name; unique among running instances
     * @param clock its business clock (e.g. the tests' shared {@link MutableClock})
     * @param extraProperties settings on top of the test ones, e.g. {@code tierpoint.events.window};
     *     {@code tierpoint.node-id} may be set here, otherwise the instance gets an unused one
     */
    public static CoreInstance start(String name, Clock clock, Map<String, String> extraProperties) {
        return start(name, clock, extraProperties, context -> {});
    }

    /**
     * Like {@link #start(String, Clock, Map)}, and lets the test register beans of its own before
     * the context refreshes (mark them primary to replace the instance's own).
     */
    public static CoreInstance start(
            String name,
            Clock clock,
            Map<String, String> extraProperties,
            Consumer<GenericApplicationContext> customizer) {
        Map<String, Object> props = new LinkedHashMap<>(CoreTestBase.testProperties());
        props.put("tierpoint.grpc.in-process-name", name);
        props.put("tierpoint.node-id", String.valueOf(nextNode()));
        props.put("spring.application.name", "tierpoint-core-" + name);
        props.putAll(extraProperties);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TierpointCoreApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(ctx -> {
                    // first: above application.yml, as the main test context's dynamic properties are
                    ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("core-instance", props));
                    GenericApplicationContext generic = (GenericApplicationContext) ctx;
                    generic.registerBean("instanceClock", Clock.class, () -> clock, bd -> bd.setPrimary(true));
                    customizer.accept(generic);
                })
                .run();
        return new CoreInstance(name, context);
    }

    private static int nextNode() {
        // node ids are 10 bits; 0 stays the main context's
        return 1 + (NEXT_NODE.getAndIncrement() - 1) % 1023;
    }

    public String name() {
        return name;
    }

    /** An in-process channel to this instance; calls still need a key (see {@link CoreTestBase#key}). */
    public ManagedChannel channel() {
        return channel;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Shuts the instance down the way a stopping server does: open calls end, then the context closes. */
    @Override
    public void close() {
        try {
            context.close();
        } finally {
            channel.shutdownNow();
            try {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
