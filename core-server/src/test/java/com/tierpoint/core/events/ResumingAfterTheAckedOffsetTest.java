package com.tierpoint.core.events;

import static com.tierpoint.core.events.EventStreamTest.consumerName;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.support.CoreInstance;
import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.core.support.EventSubscriber;
import com.tierpoint.proto.v1.Event;
import com.tierpoint.proto.v1.StartPosition;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResumingAfterTheAckedOffsetTest extends CoreTestBase {

    @Test
    void aConsumerThatDisconnectsMidStreamGetsEverythingAfterItsAckAgainAndLosesNothing() {
        String name = consumerName("reconnect");
        String m;
        List<Event> first;
        try (EventSubscriber sub = EventSubscriber.subscribeFromNow(channel(), ADMIN_KEY, name)) {
            m = newMember();
            for (int i = 1; i <= 4; i++) {
                earn(m, i);
            }
            first = sub.nextOf(5, Set.of(m));
            assertThat(sub.ack(first.get(2).getSequence()))
                    .isEqualTo(first.get(2).getSequence());
            sub.cancel();
            assertThat(sub.awaitEnd().getCode()).isEqualTo(Status.Code.CANCELLED);
        }
        earn(m, 5);
        earn(m, 6);

        try (EventSubscriber again = EventSubscriber.subscribe(channel(), ADMIN_KEY, name, StartPosition.LATEST)) {
            List<Event> resumed = again.nextOf(4, Set.of(m));

            // the two delivered but unacknowledged ones again (same ids), then the new ones
            assertThat(resumed.subList(0, 2)).isEqualTo(first.subList(3, 5));
            assertThat(resumed).extracting(Event::getMemberVersion).containsExactly(4L, 5L, 6L, 7L);
            assertThat(resumed.get(0).getSequence()).isGreaterThan(first.get(2).getSequence());
        }
    }

    @Test
    void aConsumerResumesThroughAnotherInstanceAfterTheCoreItUsedRestarted() {
        String name = consumerName("restart");
        String m = newMember();
        List<Event> first;
        try (CoreInstance a = CoreInstance.start("events-restart-a", clock, Map.of());
                EventSubscriber sub = EventSubscriber.subscribeFromNow(a.channel(), ADMIN_KEY, name)) {
            earn(m, 1);
            earn(m, 2);
            earn(m, 3);
            first = sub.nextOf(3, Set.of(m));
            sub.ack(first.get(0).getSequence());

            a.close();

            assertThat(sub.awaitEnd().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        }
        earn(m, 4);

        try (CoreInstance b = CoreInstance.start("events-restart-b", clock, Map.of());
                EventSubscriber sub = EventSubscriber.subscribe(b.channel(), ADMIN_KEY, name, StartPosition.EARLIEST)) {
            List<Event> resumed = sub.nextOf(3, Set.of(m));

            assertThat(resumed.subList(0, 2)).isEqualTo(first.subList(1, 3));
            assertThat(resumed.get(2).getMemberVersion()).isEqualTo(5L);
        }
    }
}
