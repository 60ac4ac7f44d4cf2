package com.tierpoint.core.events.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.events.model.SequencePlan.Assignment;
import com.tierpoint.core.events.model.SequencePlan.Pending;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequencePlanTest {

    @Test
    void aBatchContinuesFromTheLastSequenceWithoutGapsInIdOrderAcrossMembers() {
        List<Assignment> plan =
                SequencePlan.assign(List.of(new Pending(30, 2, 1), new Pending(10, 1, 1), new Pending(20, 3, 1)), 41);

        assertThat(plan).containsExactly(new Assignment(10, 42), new Assignment(20, 43), new Assignment(30, 44));
    }

    @Test
    void aMembersLaterChangeWithASmallerIdStillComesAfterItsEarlierChange() {
        // member 7's version 2 was written by an instance whose ids run behind the other's
        List<Pending> batch =
                List.of(new Pending(500, 7, 1), new Pending(100, 7, 2), new Pending(300, 8, 4), new Pending(50, 7, 3));

        List<Assignment> plan = SequencePlan.assign(batch, 0);

        // member 7 keeps the slots of ids 50, 100, 500, filled in version order; member 8 its own
        assertThat(plan)
                .containsExactly(
                        new Assignment(500, 1), new Assignment(100, 2), new Assignment(300, 3), new Assignment(50, 4));
    }

    @Test
    void eventsOfOneChangeShareAVersionAndKeepTheirIdOrder() {
        List<Assignment> plan = SequencePlan.assign(
                List.of(new Pending(12, 5, 3), new Pending(11, 5, 3), new Pending(9, 5, 4), new Pending(13, 5, 3)), 0);

        assertThat(plan).extracting(Assignment::id).containsExactly(11L, 12L, 13L, 9L);
        assertThat(plan).extracting(Assignment::seq).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void anEmptyBatchAssignsNothing() {
        assertThat(SequencePlan.assign(List.of(), 9)).isEmpty();
    }
}
