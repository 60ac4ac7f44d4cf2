package com.tierpoint.gateway.events;

import com.tierpoint.proto.v1.Event;
import java.time.Duration;

/**
 * Handles one event of the core's stream. Returning means done (the event is acknowledged);
 * throwing {@link RetryLater} means a transient failure (the same event is offered again after
 * a backoff, nothing later is handled meanwhile); any other exception is retried a few times and
 * then the event is parked in a dead-letter list so one poison event cannot stop the stream.
 * Events can arrive more than once (after a restart or a takeover): handlers must be idempotent.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(Event event) throws RetryLater;

    /**
     * A transient failure: try this event again later. Without {@link #retryIn()} the stream backs
     * off exponentially; with it (e.g. "quiet hours: look again in a minute") it waits that long.
     */
    final class RetryLater extends Exception {

        private final transient Duration retryIn;

        public RetryLater(String message, Throwable cause) {
            super(message, cause);
            this.retryIn = null;
        }

        public RetryLater(String message) {
            super(message);
            this.retryIn = null;
        }

        private RetryLater(String message, Duration retryIn) {
            super(message);
            this.retryIn = retryIn;
        }

        /** Try again after exactly this long (capped by the stream's longest backoff). */
        public static RetryLater in(Duration retryIn, String message) {
            return new RetryLater(message, retryIn);
        }

        /** The wait the handler asked for, or null for the stream's own backoff. */
        public Duration retryIn() {
            return retryIn;
        }
    }
}
