package com.tierpoint.gateway.card;

import com.tierpoint.gateway.events.EventStream;
import com.tierpoint.gateway.events.OptionalEventStream;

/** Runs the card-sync consumer when an Official Account is configured; nothing otherwise. */
public final class CardSyncStream extends OptionalEventStream {

    CardSyncStream(EventStream stream) {
        super(stream);
    }
}
