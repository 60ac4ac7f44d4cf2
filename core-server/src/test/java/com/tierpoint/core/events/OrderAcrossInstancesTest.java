package com.tierpoint.core.events;

import static com.tierpoint.core.events.EventStreamTest.consumerName;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.shared.infrastructure.IdGenerator;
import com.tierpoint.core.support.CoreInstance;
import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.core.support.EventSubscriber;
import com.tierpoint.core.support.SequenceLock;
import com.tierpoint.proto.v1.Event;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OrderAcrossInstancesTest extends CoreTestBase {

    /** The other instance's wall clock runs an hour ahead, so its ids are larger than ours. */
    private static final long SKEW_MS = Duration.ofHours(1).toMillis();

    @Autowired
    DataSource db;

    @Test
    void eventsOfOneMemberWrittenByTwoInstancesWithInterleavedIdsComeOutInMemberOrder() {
        try (CoreInstance ahead = CoreInstance.start(
                        "events-clock-ahead",
                        clock,
                        Map.of("tierpoint.node-id", "901"),
                        ctx -> ctx.registerBean(
                                "clockAheadIds",
                                IdGenerator.class,
                                () -> new IdGenerator(901, () -> System.currentTimeMillis() + SKEW_MS),
                                bd -> bd.setPrimary(true)));
                EventSubscriber sub =
                        EventSubscriber.subscribeFromNow(channel(), ADMIN_KEY, consumerName("interleaved"))) {
            String m = newMember();
            List<Event> got;
            // both instances' sequencers wait, so all five changes are sequenced in one batch
            try (SequenceLock slowSequencer = SequenceLock.hold(db)) {
                earnThrough(ahead.channel(), m, 1);
                earn(m, 2);
                earnThrough(ahead.channel(), m, 3);
                earn(m, 4);
            }
            got = sub.nextOf(5, Set.of(m));

            assertThat(got).extracting(Event::getMemberVersion).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(got)
                    .extracting(e -> Long.parseLong(e.getEventId()))
                    .as("ids of the two instances interleave")
                    .isNotEqualTo(got.stream()
                            .map(e -> Long.parseLong(e.getEventId()))
                            .sorted(Comparator.naturalOrder())
                            .toList());
        }
    }
}
