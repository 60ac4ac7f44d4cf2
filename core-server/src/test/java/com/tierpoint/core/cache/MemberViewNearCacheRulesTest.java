package com.tierpoint.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.member.application.MemberView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The near-cache's rules for what it may serve, each interleaving spelled out in order. */
class MemberViewNearCacheRulesTest {

    private final MemberViewNearCache near = new MemberViewNearCache(100, Duration.ofMinutes(5));

    @Test
    void nothingIsKeptWhileRedisIsNotTrackingForThisProcess() {
        assertThat(near.ticket(1)).isNull();
        near.fill(view(1, 3), near.ticket(1));

        assertThat(near.get(1)).isNull();
    }

    @Test
    void aViewFilledUnderAFreshTicketIsServed() {
        near.trackingStarted();
        MemberViewNearCache.Ticket t = near.ticket(1);
        near.fill(view(1, 3), t);

        assertThat(near.get(1)).extracting(MemberView::version).isEqualTo(3L);
    }

    @Test
    void aViewReadBeforeAnInvalidationButFilledAfterItIsNeverServed() {
        near.trackingStarted();
        MemberViewNearCache.Ticket t = near.ticket(1);
        near.invalidate(1); // the reply to the GET and the invalidation crossed
        near.fill(view(1, 3), t);

        assertThat(near.get(1)).isNull();
        near.fill(view(1, 4), near.ticket(1));
        assertThat(near.get(1)).extracting(MemberView::version).isEqualTo(4L);
    }

    @Test
    void anInvalidationDropsAViewAlreadyHeld() {
        near.trackingStarted();
        near.fill(view(1, 3), near.ticket(1));
        near.fill(view(2, 8), near.ticket(2));

        near.invalidate(1);

        assertThat(near.get(1)).isNull();
        assertThat(near.get(2)).extracting(MemberView::version).isEqualTo(8L);
    }

    @Test
    void aViewReadBeforeTrackingWasLostIsNeverServedEvenAfterTrackingRestarts() {
        near.trackingStarted();
        near.fill(view(1, 3), near.ticket(1));
        MemberViewNearCache.Ticket inFlight = near.ticket(2);

        near.trackingLost();
        assertThat(near.get(1)).isNull();
        near.trackingStarted();
        near.fill(view(2, 5), inFlight);

        assertThat(near.get(1)).isNull();
        assertThat(near.get(2)).isNull();
        assertThat(near.tracking()).isTrue();
    }

    @Test
    void aFlushDropsEveryViewAndViewsReadBeforeIt() {
        near.trackingStarted();
        near.fill(view(1, 3), near.ticket(1));
        MemberViewNearCache.Ticket inFlight = near.ticket(2);

        near.flush();
        near.fill(view(2, 5), inFlight);

        assertThat(near.get(1)).isNull();
        assertThat(near.get(2)).isNull();
        near.fill(view(2, 5), near.ticket(2));
        assertThat(near.get(2)).isNotNull();
    }

    private static MemberView view(long memberId, long version) {
        Instant t = Instant.parse("2026-03-10T02:00:00Z");
        return new MemberView(
                memberId,
                "wxtest",
                "o_" + memberId,
                null,
                null,
                null,
                "MEMBER",
                t,
                null,
                0,
                0,
                List.of(),
                0,
                0,
                0,
                0,
                t,
                version,
                1,
                Map.of(),
                t.plus(Duration.ofMinutes(5)),
                null);
    }
}
