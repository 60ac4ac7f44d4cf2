package com.tierpoint.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.events.application.EventLog;
import com.tierpoint.core.events.application.Sequencer;
import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.core.support.SequenceLock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EventRetentionTest extends CoreTestBase {

    /** Far before anything other tests write, so only this test's events are old enough. */
    private static final Instant LONG_AGO = T0.minus(Duration.ofDays(3650));

    private static final Instant CUTOFF = LONG_AGO.plus(Duration.ofDays(30));

    @Autowired
    EventLog log;

    @Autowired
    Sequencer sequencer;

    @Autowired
    OutboxMapper outbox;

    @Autowired
    DataSource db;

    @Test
    void purgingDeletesSequencedEventsBeforeTheCutoffOldestFirstUpToTheLimit() {
        clock.set(LONG_AGO);
        String old = newMember();
        earn(old, 10);
        earn(old, 20);
        clock.set(T0);
        String recent = newMember();
        sequencer.sequenceNow();

        assertThat(log.purgeSequencedBefore(CUTOFF, 1)).isEqualTo(1);
        assertThat(outbox.ofMember(id(old))).extracting(r -> r.memberVersion).containsExactly(2L, 3L);

        assertThat(log.purgeSequencedBefore(CUTOFF, 100)).isEqualTo(2);
        assertThat(outbox.ofMember(id(old))).isEmpty();
        assertThat(outbox.ofMember(id(recent))).hasSize(1);
        assertThat(log.purgeSequencedBefore(CUTOFF, 100)).isZero();
    }

    @Test
    void purgingNeverDeletesAnEventThatIsNotSequencedYet() {
        clock.set(LONG_AGO);
        String m;
        try (SequenceLock slowSequencer = SequenceLock.hold(db)) {
            m = newMember();

            assertThat(log.purgeSequencedBefore(CUTOFF, 100)).isZero();
            assertThat(outbox.ofMember(id(m))).hasSize(1);
        }
        sequencer.sequenceNow();

        assertThat(log.purgeSequencedBefore(CUTOFF, 100)).isEqualTo(1);
        assertThat(outbox.ofMember(id(m))).isEmpty();
    }

    private static long id(String memberId) {
        return Long.parseLong(memberId);
    }
}
