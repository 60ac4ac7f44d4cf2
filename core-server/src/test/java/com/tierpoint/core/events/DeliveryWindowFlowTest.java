package com.tierpoint.core.events;

import static com.tierpoint.core.events.EventStreamTest.consumerName;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.support.CoreInstance;
import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.core.support.EventSubscriber;
import com.tierpoint.proto.v1.Event;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryWindowFlowTest extends CoreTestBase {

    /** Several polls of the instance below: what it holds back stays held back. */
    private static final Duration QUIET = Duration.ofMillis(500);

    /** A core whose streams hold at most 3 unacknowledged events. */
    private CoreInstance core;

    @BeforeAll
    void startCoreWithASmallWindow() {
        core = CoreInstance.start(
                "events-window",
                clock,
                Map.of("tierpoint.events.window", "3", "tierpoint.events.poll-interval", "100ms"));
    }

    @AfterAll
    void stopCore() {
        core.close();
    }

    @Test
    void aStreamStopsAtTheWindowOfUnacknowledgedEventsAndGoesOnAfterAck() {
        String name = consumerName("windowed");
        try (EventSubscriber windowed =
                        EventSubscriber.subscribeFromNow(core.channel(), ADMIN_KEY, name, "points.earned");
                EventSubscriber witness = EventSubscriber.subscribeFromNow(
                        core.channel(), EVENTS_KEY, consumerName("witness"), "points.earned")) {
            String m = newMember();
            for (int i = 1; i <= 5; i++) {
                earn(m, i);
            }

            List<Event> firstThree = windowed.nextOf(3, Set.of(m));
            // all five were there to send: another consumer on the same core, acknowledging, got them
            witness.ack(witness.nextOf(3, Set.of(m)).get(2).getSequence());
            assertThat(witness.nextOf(2, Set.of(m))).hasSize(2);
            windowed.assertNothingMoreOf(Set.of(m), QUIET);
            assertThat(firstThree).extracting(Event::getMemberVersion).containsExactly(2L, 3L, 4L);

            windowed.ack(firstThree.get(1).getSequence());

            List<Event> nextTwo = windowed.nextOf(2, Set.of(m));
            assertThat(nextTwo).extracting(Event::getMemberVersion).containsExactly(5L, 6L);
            windowed.assertNothingMoreOf(Set.of(m), QUIET);
        }
    }

    @Test
    void anAckThroughAnotherInstanceOpensTheWindowToo() {
        String name = consumerName("windowed-across");
        try (EventSubscriber windowed =
                EventSubscriber.subscribeFromNow(core.channel(), ADMIN_KEY, name, "points.earned")) {
            String m = newMember();
            for (int i = 1; i <= 4; i++) {
                earn(m, i);
            }
            List<Event> firstThree = windowed.nextOf(3, Set.of(m));
            windowed.assertNothingMoreOf(Set.of(m), QUIET);

            EventSubscriber.ack(channel(), ADMIN_KEY, name, firstThree.get(2).getSequence());

            assertThat(windowed.nextOf(1, Set.of(m)))
                    .extracting(Event::getMemberVersion)
                    .containsExactly(5L);
        }
    }
}
