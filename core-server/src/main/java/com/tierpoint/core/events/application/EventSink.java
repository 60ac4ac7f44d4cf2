package com.tierpoint.core.events.application;

import com.tierpoint.core.events.model.SequencedEvent;
import com.tierpoint.core.events.model.StreamEnd;

/**
 * Where a stream's events go: the transport, with its flow control. A stream calls its sink from
 * one thread at a time, and never again after {@link #end} or {@link #fail}.
 */
public interface EventSink {

    /** Whether the client can take another event now. When it turns ready again, wake the stream. */
    boolean isReady();

    void send(SequencedEvent event);

    /** The core ends the stream on purpose. */
    void end(StreamEnd why);

    /** The stream broke (e.g. the database went away); the client resumes by subscribing again. */
    void fail(RuntimeException cause);
}
