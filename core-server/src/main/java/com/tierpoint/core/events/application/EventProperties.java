package com.tierpoint.core.events.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tierpoint.events.*}: how the outbox becomes a stream.
 *
 * @param sequencerInterval how often the sequencer looks for committed, unsequenced events (it is
 *     also nudged after every local commit that wrote events)
 * @param sequencerNudgeDelay a nudge runs the sequencer this long after it, so that the events of
 *     every commit within that time are sequenced in one transaction (zero: at once)
 * @param sequencerBatch at most this many events are sequenced per transaction
 * @param pollInterval how often open streams look for events sequenced by other instances, for
 *     acknowledgements sent to other instances, and for a takeover by another instance
 * @param window at most this many events of one stream are delivered and not yet acknowledged
 * @param pageSize events read from the database per query while streaming
 * @param streamThreads threads that feed the open streams (they never wait for a client)
 */
@ConfigurationProperties("tierpoint.events")
public record EventProperties(
        @DefaultValue("100ms") Duration sequencerInterval,
        @DefaultValue("10ms") Duration sequencerNudgeDelay,
        @DefaultValue("1000") int sequencerBatch,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("1000") int window,
        @DefaultValue("200") int pageSize,
        @DefaultValue("2") int streamThreads) {

    public EventProperties {
        if (sequencerInterval.isNegative() || sequencerInterval.isZero()) {
            throw new IllegalArgumentException("tierpoint.events.sequencer-interval must be positive");
        }
        if (sequencerNudgeDelay.isNegative()) {
            throw new IllegalArgumentException("tierpoint.events.sequencer-nudge-delay must not be negative");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("tierpoint.events.poll-interval must be positive");
        }
        if (sequencerBatch < 1 || window < 1 || pageSize < 1 || streamThreads < 1) {
            throw new IllegalArgumentException(
                    "tierpoint.events.sequencer-batch, window, page-size and stream-threads must be at least 1");
        }
    }
}
