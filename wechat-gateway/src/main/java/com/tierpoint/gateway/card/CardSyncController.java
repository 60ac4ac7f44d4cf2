package com.tierpoint.gateway.card;

import com.tierpoint.gateway.session.MemberSession;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where the logged-in member's membership card stands: the synced version, when, the last error. */
@RestController
@RequestMapping("/api/v1/card-sync")
@Tag(name = "card-sync", description = "membership card (会员卡) sync state")
class CardSyncController {

    private final CardSyncStream stream;
    private final CardSyncState state;

    CardSyncController(CardSyncStream stream, CardSyncState state) {
        this.stream = stream;
        this.state = state;
    }

    /**
     * @param enabled whether this gateway syncs cards at all (an Official Account is configured)
     * @param version the member version on the card; 0 before the first sync
     */
    record CardSync(
            boolean enabled,
            String memberId,
            long version,
            boolean activated,
            Instant syncedAt,
            String lastError,
            Instant lastErrorAt) {}

    @GetMapping
    @Operation(summary = "The membership card's sync state for the logged-in member")
    CardSync get(MemberSession session) {
        CardSyncState.State s = state.of(session.memberId());
        return new CardSync(
                stream.on(),
                session.memberId(),
                s.version(),
                s.activated(),
                s.syncedAt(),
                s.lastError(),
                s.lastErrorAt());
    }
}
