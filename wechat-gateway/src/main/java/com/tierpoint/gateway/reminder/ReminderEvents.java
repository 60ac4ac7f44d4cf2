package com.tierpoint.gateway.reminder;

import com.tierpoint.gateway.events.EventHandler;
import com.tierpoint.proto.v1.Event;
import java.time.Instant;
import java.util.Map;

/**
 * The reminders' consumer of the core's event stream: every event of a type with a template
 * becomes at most one subscription message (deduplicated by event id), and {@code checkin.done}
 * schedules the next day's streak check.
 */
final class ReminderEvents implements EventHandler {

    static final String CHECKIN_DONE = "checkin.done";

    private final SendingReminders sender;
    private final StreakWatch streaks;

    ReminderEvents(SendingReminders sender, StreakWatch streaks) {
        this.sender = sender;
        this.streaks = streaks;
    }

    @Override
    public void handle(Event e) throws RetryLater {
        if (e.getMemberId().isEmpty()) {
            return;
        }
        Map<String, String> values = Payloads.values(e.getPayloadJson());
        if (e.getType().equals(CHECKIN_DONE)) {
            streaks.checkedIn(e.getMemberId(), values);
            return;
        }
        Instant occurredAt = Instant.ofEpochSecond(
                e.getOccurredAt().getSeconds(), e.getOccurredAt().getNanos());
        sender.send(new SendingReminders.Reminder(
                "event:" + e.getEventId(), e.getMemberId(), e.getType(), occurredAt, values));
    }
}
