package com.tierpoint.core.events.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryWindowTest {

    @Test
    void fillsWithUnacknowledgedEventsAndEmptiesAsTheyAreAcknowledged() {
        DeliveryWindow w = new DeliveryWindow(3);
        w.sent(4);
        w.sent(9);
        assertThat(w.room()).isEqualTo(1);
        w.sent(15);
        assertThat(w.full()).isTrue();

        w.ackedUpTo(9);

        assertThat(w.full()).isFalse();
        assertThat(w.outstanding()).isEqualTo(1);
        assertThat(w.room()).isEqualTo(2);
    }

    @Test
    void countsEventsNotSequenceNumbersSoGapsOfAFilteredStreamDoNotStallIt() {
        DeliveryWindow w = new DeliveryWindow(2);
        w.sent(1);
        w.sent(5_000);

        w.ackedUpTo(1);

        assertThat(w.room()).isEqualTo(1);
    }

    @Test
    void anAcknowledgementBelowEverythingSentFreesNothing() {
        DeliveryWindow w = new DeliveryWindow(1);
        w.sent(10);

        w.ackedUpTo(9);

        assertThat(w.full()).isTrue();
    }
}
