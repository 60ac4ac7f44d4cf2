package com.tierpoint.gateway.reminder;

import com.tierpoint.gateway.events.EventStream;
import com.tierpoint.gateway.events.OptionalEventStream;

/** Runs the reminders' event-stream consumer when reminders are enabled; nothing otherwise. */
public final class ReminderStream extends OptionalEventStream {

    ReminderStream(EventStream stream) {
        super(stream);
    }
}
