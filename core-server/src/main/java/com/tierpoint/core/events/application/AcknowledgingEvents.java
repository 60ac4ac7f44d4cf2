package com.tierpoint.core.events.application;

import com.tierpoint.core.events.model.ConsumerName;
import com.tierpoint.core.shared.model.InvalidArgument;
import com.tierpoint.core.shared.model.NotFound;
import com.tierpoint.core.shared.model.Validation;
import org.springframework.stereotype.Component;

/**
 * Moves a consumer's offset forward: every event up to the acknowledged sequence counts as
 * processed and is not delivered to it again. Only sequences already assigned can be
 * acknowledged, so a consumer cannot skip events that do not exist yet.
 */
@Component
public class AcknowledgingEvents {

    public record Command(String clientId, String consumer, long sequence) {}

    private final EventConsumers consumers;
    private final EventLog log;
    private final EventStreams streams;

    AcknowledgingEvents(EventConsumers consumers, EventLog log, EventStreams streams) {
        this.consumers = consumers;
        this.log = log;
        this.streams = streams;
    }

    /** @return the consumer's offset afterwards */
    public long ack(Command c) {
        new Validation()
                .require(ConsumerName.valid(c.consumer()), "consumer", ConsumerName.RULE)
                .positive(c.sequence(), "sequence")
                .throwIfInvalid();
        if (consumers.find(c.clientId(), c.consumer()).isEmpty()) {
            throw new NotFound("consumer '" + c.consumer() + "'");
        }
        long head = log.head();
        if (c.sequence() > head) {
            throw InvalidArgument.of(
                    "sequence",
                    "is beyond the newest event (sequence " + head + "); acknowledge only what was delivered");
        }
        long acked = consumers
                .ack(c.clientId(), c.consumer(), c.sequence())
                .orElseThrow(() -> new NotFound("consumer '" + c.consumer() + "'"));
        streams.acked(c.clientId(), c.consumer());
        return acked;
    }
}
