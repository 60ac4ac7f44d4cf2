package com.tierpoint.gateway.core;

import io.grpc.ManagedChannel;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/** Closes the core channel last, after the event consumers that stream over it have stopped. */
final class CoreChannelCloser implements SmartLifecycle {

    private final ManagedChannel channel;
    private volatile boolean running;

    CoreChannelCloser(ManagedChannel channel) {
        this.channel = channel;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        channel.shutdown();
        try {
            if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Lowest phase: stopped after every other lifecycle bean. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
