package com.tierpoint.core.program.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.program.infrastructure.ProgramMapper;
import com.tierpoint.core.support.CoreTestBase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a call answered without blocking (an inline GetMember) may use: the program held in memory
 * while it needs no refresh, and nothing when it would have to read the database.
 */
class ProgramHeldInMemoryTest extends CoreTestBase {

    @Autowired
    ProgramMapper mapper;

    @Test
    void theProgramIsHeldOnceLoadedUntilItIsDueForARefresh() {
        ProgramStore store = new ProgramStore(mapper, Duration.ofMinutes(10));

        assertThat(store.currentIfHeld()).as("nothing loaded yet").isEmpty();
        long version = store.current().version();

        assertThat(store.currentIfHeld())
                .hasValueSatisfying(p -> assertThat(p.version()).isEqualTo(version));
    }

    @Test
    void withoutCachingNothingIsHeld() {
        ProgramStore store = new ProgramStore(mapper, Duration.ZERO);
        store.current();

        assertThat(store.currentIfHeld()).isEmpty();
    }

    @Test
    void aProgramDueForARefreshIsNotHeld() {
        ProgramStore store = new ProgramStore(mapper, Duration.ofNanos(1));
        store.current();

        assertThat(store.currentIfHeld()).isEmpty();
    }
}
