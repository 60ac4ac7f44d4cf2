package com.tierpoint.gateway.events;

import java.util.Optional;
import org.springframework.context.SmartLifecycle;

/**
 * A consumer that may be switched off by configuration: runs its {@link EventStream} with the
 * application when there is one, and does nothing otherwise. Each feature subclasses it so that
 * its stream is a bean of its own type.
 */
public abstract class OptionalEventStream implements SmartLifecycle {

    private final EventStream stream;

    protected OptionalEventStream(EventStream stream) {
        this.stream = stream;
    }

    /** The consumer, when it is on. */
    public Optional<EventStream> stream() {
        return Optional.ofNullable(stream);
    }

    public boolean on() {
        return stream != null;
    }

    @Override
    public void start() {
        if (stream != null) {
            stream.start();
        }
    }

    @Override
    public void stop() {
        if (stream != null) {
            stream.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return stream != null && stream.isRunning();
    }

    /** Stops before the core channel closes (which has the lowest phase). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
