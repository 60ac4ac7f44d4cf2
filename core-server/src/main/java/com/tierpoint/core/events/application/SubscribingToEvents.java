package com.tierpoint.core.events.application;

import com.tierpoint.core.events.EventType;
import com.tierpoint.core.events.model.ConsumerName;
import com.tierpoint.core.events.model.StartPosition;
import com.tierpoint.core.shared.model.Validation;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Opens a consumer's stream: validates the request, hands the consumer to a new session (creating
 * it at its start position when it is new) and prepares the stream from its acknowledged offset.
 */
@Component
public class SubscribingToEvents {

    static final int MAX_TYPES = 64;
    private static final Set<String> KNOWN_TYPES =
            Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.toUnmodifiableSet());

    /**
     * @param start null when the request named a start position this core does not know
     * @param types wire names of the event types to deliver; empty for all
     */
    public record Command(String clientId, String consumer, StartPosition start, List<String> types) {}

    private final EventConsumers consumers;
    private final EventStreams streams;

    SubscribingToEvents(EventConsumers consumers, EventStreams streams) {
        this.consumers = consumers;
        this.streams = streams;
    }

    public EventStreams.Subscription subscribe(Command c, EventSink sink) {
        Validation v = new Validation()
                .require(ConsumerName.valid(c.consumer()), "consumer", ConsumerName.RULE)
                .require(c.start() != null, "start", "must be EARLIEST or LATEST")
                .require(c.types().size() <= MAX_TYPES, "types", "must name at most " + MAX_TYPES + " types");
        for (int i = 0; i < c.types().size() && i < MAX_TYPES; i++) {
            v.require(
                    KNOWN_TYPES.contains(c.types().get(i)),
                    "types[" + i + "]",
                    "is not an event type (e.g. \"points.earned\", \"tier.upgraded\")");
        }
        v.throwIfInvalid();
        EventConsumers.Session session = consumers.openSession(c.clientId(), c.consumer(), c.start());
        return streams.open(c.clientId(), c.consumer(), session, new LinkedHashSet<>(c.types()), sink);
    }
}
