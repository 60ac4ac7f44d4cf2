package com.tierpoint.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.Timestamps;
import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.core.support.EventSubscriber;
import com.tierpoint.core.support.TestPrograms;
import com.tierpoint.proto.v1.Event;
import com.tierpoint.proto.v1.StartPosition;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventStreamTest extends CoreTestBase {

    static String consumerName(String purpose) {
        return purpose + "-" + UUID.randomUUID();
    }

    @Test
    void eventsArriveInSequenceOrderAndInOrderPerMemberWithEveryField() {
        try (EventSubscriber sub = EventSubscriber.subscribeFromNow(channel(), ADMIN_KEY, consumerName("order"))) {
            String a = newMember();
            String b = newMember();
            earn(a, 50);
            earn(b, 10);
            redeem(a, 20);

            List<Event> got = sub.nextOf(5, Set.of(a, b));

            assertThat(got).extracting(Event::getSequence).isSorted().doesNotHaveDuplicates();
            assertThat(got)
                    .extracting(Event::getEventId)
                    .doesNotHaveDuplicates()
                    .allMatch(id -> id.matches("\\d+"));
            List<Event> ofA =
                    got.stream().filter(e -> e.getMemberId().equals(a)).toList();
            assertThat(ofA)
                    .extracting(Event::getType)
                    .containsExactly("member.enrolled", "points.earned", "points.redeemed");
            assertThat(ofA).extracting(Event::getMemberVersion).containsExactly(1L, 2L, 3L);
            assertThat(got.stream().filter(e -> e.getMemberId().equals(b)))
                    .extracting(Event::getType)
                    .containsExactly("member.enrolled", "points.earned");
            Event earned = ofA.get(1);
            assertThat(Timestamps.toMillis(earned.getOccurredAt())).isEqualTo(T0.toEpochMilli());
            assertThat(earned.getPayloadJson())
                    .startsWith("{")
                    .contains("\"member_id\":\"" + a + "\"", "\"points\":50", "\"balance_after\":50");
        }
    }

    @Test
    void aProgramUpdateIsAnEventWithoutAMember() {
        try (EventSubscriber sub =
                EventSubscriber.subscribeFromNow(channel(), ADMIN_KEY, consumerName("program"), "program.updated")) {
            long version = useProgram(TestPrograms.standard()).getVersion();

            // the update made by the test set-up may still be unsequenced when the consumer starts
            Event e = sub.next(1, x -> x.getMemberVersion() == version).get(0);

            assertThat(e.getType()).isEqualTo("program.updated");
            assertThat(e.getMemberId()).isEmpty();
            assertThat(e.getMemberVersion()).isEqualTo(version);
        }
    }

    @Test
    void aTypeFilterDeliversOnlyThoseTypes() {
        try (EventSubscriber sub = EventSubscriber.subscribeFromNow(
                channel(), ADMIN_KEY, consumerName("filter"), "points.redeemed", "tier.upgraded")) {
            String m = newMember();
            earn(m, 100);
            redeem(m, 10);
            earn(m, 5);
            redeem(m, 30);

            List<Event> got = sub.nextOf(2, Set.of(m));

            assertThat(got).extracting(Event::getType).containsOnly("points.redeemed");
            assertThat(got).extracting(Event::getMemberVersion).containsExactly(3L, 5L);
        }
    }

    @Test
    void twoConsumersKeepIndependentOffsets() {
        String first = consumerName("first");
        String second = consumerName("second");
        String m;
        List<Event> before;
        try (EventSubscriber one = EventSubscriber.subscribeFromNow(channel(), ADMIN_KEY, first);
                EventSubscriber two = EventSubscriber.subscribeFromNow(channel(), ADMIN_KEY, second)) {
            m = newMember();
            earn(m, 10);
            earn(m, 20);
            before = one.nextOf(3, Set.of(m));
            assertThat(two.nextOf(3, Set.of(m))).isEqualTo(before);
            one.ack(before.get(2).getSequence());
            two.ack(before.get(0).getSequence());
        }
        earn(m, 30);

        try (EventSubscriber one = EventSubscriber.subscribe(channel(), ADMIN_KEY, first, StartPosition.EARLIEST);
                EventSubscriber two = EventSubscriber.subscribe(channel(), ADMIN_KEY, second, StartPosition.EARLIEST)) {
            assertThat(one.nextOf(1, Set.of(m)))
                    .extracting(Event::getMemberVersion)
                    .containsExactly(4L);
            List<Event> again = two.nextOf(3, Set.of(m));
            assertThat(again).extracting(Event::getMemberVersion).containsExactly(2L, 3L, 4L);
            assertThat(again.subList(0, 2)).isEqualTo(before.subList(1, 3));
        }
    }

    @Test
    void theSameNameUnderTwoClientsIsTwoConsumers() {
        String name = consumerName("shared");
        String m;
        List<Event> seen;
        try (EventSubscriber admin = EventSubscriber.subscribeFromNow(channel(), ADMIN_KEY, name);
                EventSubscriber other = EventSubscriber.subscribeFromNow(channel(), EVENTS_KEY, name)) {
            m = newMember();
            earn(m, 10);
            seen = admin.nextOf(2, Set.of(m));
            assertThat(other.nextOf(2, Set.of(m))).isEqualTo(seen);
            // neither stream took the other over
            assertThat(admin.hasEnded()).isFalse();
            assertThat(other.hasEnded()).isFalse();
            admin.ack(seen.get(1).getSequence());
        }
        earn(m, 20);

        try (EventSubscriber admin = EventSubscriber.subscribe(channel(), ADMIN_KEY, name, StartPosition.EARLIEST);
                EventSubscriber other =
                        EventSubscriber.subscribe(channel(), EVENTS_KEY, name, StartPosition.EARLIEST)) {
            assertThat(admin.nextOf(1, Set.of(m)))
                    .extracting(Event::getMemberVersion)
                    .containsExactly(3L);
            assertThat(other.nextOf(3, Set.of(m)))
                    .extracting(Event::getMemberVersion)
                    .containsExactly(1L, 2L, 3L);
        }
    }
}
