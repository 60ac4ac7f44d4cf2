package com.tierpoint.core.events;

import static com.tierpoint.core.events.EventStreamTest.consumerName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.core.support.EventSubscriber;
import com.tierpoint.core.support.GrpcErrors;
import com.tierpoint.proto.v1.AckRequest;
import com.tierpoint.proto.v1.Event;
import com.tierpoint.proto.v1.EventServiceGrpc;
import com.tierpoint.proto.v1.SubscribeRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventServiceValidationTest extends CoreTestBase {

    @ParameterizedTest(name = "consumer [{0}]")
    @ValueSource(
            strings = {
                "",
                "has space",
                "slash/name",
                "名字",
                "x12345678901234567890123456789012345678901234567890123456789012345"
            })
    void aBadConsumerNameIsInvalidAndCreatesNothing(String name) {
        StatusRuntimeException e =
                subscribeError(SubscribeRequest.newBuilder().setConsumer(name).build());

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcErrors.fields(e)).containsExactly("consumer");
        assertThatThrownBy(() -> ack(name, 1))
                .isInstanceOfSatisfying(StatusRuntimeException.class, a -> assertThat(GrpcErrors.fields(a))
                        .containsExactly("consumer"));
    }

    @Test
    void anUnknownTypeOrStartIsInvalidAndCreatesNoConsumer() {
        String name = consumerName("typo");
        StatusRuntimeException e = subscribeError(SubscribeRequest.newBuilder()
                .setConsumer(name)
                .setStartValue(7)
                .addTypes("points.earned")
                .addTypes("points.earnd")
                .build());

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcErrors.fields(e)).containsExactly("start", "types[1]");
        assertThatThrownBy(() -> ack(name, 1)).isInstanceOfSatisfying(StatusRuntimeException.class, a -> assertThat(
                        a.getStatus().getCode())
                .isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void acknowledgingAnUnknownConsumerIsNotFound() {
        assertThatThrownBy(() -> ack(consumerName("never-subscribed"), 1))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void anotherClientCannotMoveAConsumersOffset() {
        String name = consumerName("mine");
        try (EventSubscriber sub = EventSubscriber.subscribeFromNow(channel(), ADMIN_KEY, name)) {
            assertThatThrownBy(() -> EventSubscriber.ack(channel(), EVENTS_KEY, name, 1))
                    .isInstanceOfSatisfying(
                            StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        }
    }

    @Test
    void acknowledgingBeyondTheNewestEventOrNothingIsInvalidAndLeavesTheOffset() {
        String name = consumerName("ahead");
        try (EventSubscriber sub = EventSubscriber.subscribeFromNow(channel(), ADMIN_KEY, name)) {
            long offset = sub.ack(1);

            for (long bad : new long[] {offset + 1_000_000_000L, 0, -5}) {
                assertThatThrownBy(() -> sub.ack(bad)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(GrpcErrors.fields(e)).containsExactly("sequence");
                });
            }

            assertThat(sub.ack(1)).isEqualTo(offset);
        }
    }

    @Test
    void anOlderAckDoesNotMoveTheOffsetBack() {
        String name = consumerName("monotonic");
        try (EventSubscriber sub = EventSubscriber.subscribeFromNow(channel(), ADMIN_KEY, name)) {
            String m = newMember();
            earn(m, 1);
            long second = sub.nextOf(2, Set.of(m)).get(1).getSequence();

            assertThat(sub.ack(second)).isEqualTo(second);
            assertThat(sub.ack(second - 1)).isEqualTo(second);
        }
    }

    @Test
    void aClientWithoutEventsReadIsRefused() {
        StatusRuntimeException e = subscribeError(
                SubscribeRequest.newBuilder().setConsumer("reader").build(), READER_KEY);

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(e.getStatus().getDescription()).contains("events:read");
    }

    private static StatusRuntimeException subscribeError(SubscribeRequest request) {
        return subscribeError(request, ADMIN_KEY);
    }

    private static StatusRuntimeException subscribeError(SubscribeRequest request, String apiKey) {
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        EventServiceGrpc.newStub(channel()).withCallCredentials(key(apiKey)).subscribe(request, new StreamObserver<>() {
            @Override
            public void onNext(Event value) {
                ended.completeExceptionally(new AssertionError("an event arrived: " + value));
            }

            @Override
            public void onError(Throwable t) {
                ended.complete(t);
            }

            @Override
            public void onCompleted() {
                ended.completeExceptionally(new AssertionError("the stream completed"));
            }
        });
        Throwable t = ended.orTimeout(10, TimeUnit.SECONDS).join();
        assertThat(t).isInstanceOf(StatusRuntimeException.class);
        return (StatusRuntimeException) t;
    }

    private static long ack(String name, long sequence) {
        return EventServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(key(ADMIN_KEY))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .ack(AckRequest.newBuilder()
                        .setConsumer(name)
                        .setSequence(sequence)
                        .build())
                .getAckedSequence();
    }
}
