package com.tierpoint.core.events;

import static com.tierpoint.core.events.EventStreamTest.consumerName;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.support.CoreInstance;
import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.core.support.EventSubscriber;
import com.tierpoint.core.support.GrpcErrors;
import com.tierpoint.proto.v1.Event;
import com.tierpoint.proto.v1.StartPosition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TakingOverAConsumerTest extends CoreTestBase {

    @Test
    void aNewerSubscribeOfTheSameConsumerEndsTheOlderStreamWithAborted() {
        String name = consumerName("takeover");
        try (EventSubscriber older = EventSubscriber.subscribeFromNow(channel(), ADMIN_KEY, name);
                EventSubscriber newer = EventSubscriber.subscribe(channel(), ADMIN_KEY, name, StartPosition.LATEST)) {
            StatusRuntimeException ended = older.awaitError();

            assertThat(ended.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
            assertThat(ended.getStatus().getDescription()).contains("superseded");
            assertThat(GrpcErrors.reason(ended)).isEqualTo("CONSUMER_SUPERSEDED");
            String m = newMember();
            assertThat(newer.nextOf(1, Set.of(m))).extracting(Event::getType).containsExactly("member.enrolled");
            assertThat(newer.hasEnded()).isFalse();
        }
    }

    @Test
    void aSubscribeThroughAnotherInstanceTakesOverToo() {
        String name = consumerName("takeover-across");
        try (CoreInstance other = CoreInstance.start(
                        "events-takeover", clock, Map.of("tierpoint.events.poll-interval", "100ms"));
                EventSubscriber older = EventSubscriber.subscribeFromNow(other.channel(), ADMIN_KEY, name);
                EventSubscriber newer = EventSubscriber.subscribe(channel(), ADMIN_KEY, name, StartPosition.LATEST)) {
            StatusRuntimeException ended = older.awaitError();

            assertThat(ended.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
            assertThat(ended.getStatus().getDescription()).contains("superseded");
            String m = newMember();
            assertThat(newer.nextOf(1, Set.of(m))).hasSize(1);
        }
    }
}
