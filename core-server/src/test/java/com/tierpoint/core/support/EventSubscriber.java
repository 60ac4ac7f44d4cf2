package com.tierpoint.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.proto.v1.AckRequest;
import com.tierpoint.proto.v1.Event;
import com.tierpoint.proto.v1.EventServiceGrpc;
import com.tierpoint.proto.v1.StartPosition;
import com.tierpoint.proto.v1.SubscribeRequest;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test's consumer of the event stream: subscribes with a key, collects what arrives, and waits
 * (bounded) for events or for the end of the stream.
 */
public final class EventSubscriber implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(15);

    private final Channel channel;
    private final String apiKey;
    private final String consumer;
    private final LinkedBlockingQueue<Event> arrived = new LinkedBlockingQueue<>();
    private final CompletableFuture<Throwable> ended = new CompletableFuture<>();
    private volatile ClientCallStreamObserver<SubscribeRequest> call;

    private EventSubscriber(Channel channel, String apiKey, String consumer) {
        this.channel = channel;
        this.apiKey = apiKey;
        this.consumer = consumer;
    }

    /** Subscribes the consumer from its offset (or from the start position when it is new). */
    public static EventSubscriber subscribe(
            Channel channel, String apiKey, String consumer, StartPosition start, String... types) {
        EventSubscriber s = new EventSubscriber(channel, apiKey, consumer);
        EventServiceGrpc.newStub(channel)
                .withCallCredentials(CoreTestBase.key(apiKey))
                // streams are long-lived; this only keeps a broken test from hanging the build
                .withDeadlineAfter(2, TimeUnit.MINUTES)
                .subscribe(
                        SubscribeRequest.newBuilder()
                                .setConsumer(consumer)
                                .setStart(start)
                                .addAllTypes(List.of(types))
                                .build(),
                        s.observer());
        return s;
    }

    /**
     * Subscribes a new consumer at LATEST and returns once the core has registered it, so every
     * change made afterwards reaches it. (Acknowledging sequence 1 is how the test sees the
     * consumer exist; a consumer created at LATEST is past it already, so it changes nothing.)
     */
    public static EventSubscriber subscribeFromNow(Channel channel, String apiKey, String consumer, String... types) {
        EventSubscriber s = subscribe(channel, apiKey, consumer, StartPosition.LATEST, types);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                s.ack(1);
                return s;
            } catch (StatusRuntimeException notYet) {
                Status.Code code = notYet.getStatus().getCode();
                boolean registering = code == Status.Code.NOT_FOUND || code == Status.Code.INVALID_ARGUMENT;
                if (!registering || s.hasEnded() || System.nanoTime() > deadline) {
                    throw new AssertionError("consumer " + consumer + " was not registered", notYet);
                }
                Thread.onSpinWait();
            }
        }
    }

    private ClientResponseObserver<SubscribeRequest, Event> observer() {
        return new ClientResponseObserver<>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<SubscribeRequest> requestStream) {
                call = requestStream;
            }

            @Override
            public void onNext(Event event) {
                arrived.add(event);
            }

            @Override
            public void onError(Throwable t) {
                ended.complete(t);
            }

            @Override
            public void onCompleted() {
                ended.complete(null);
            }
        };
    }

    /** The next {@code n} events that match, in the order they arrived; others are skipped. */
    public List<Event> next(int n, Predicate<Event> matching) {
        List<Event> got = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (got.size() < n) {
            long left = deadline - System.nanoTime();
            Event e = null;
            try {
                e = left > 0 ? arrived.poll(left, TimeUnit.NANOSECONDS) : null;
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            assertThat(e)
                    .as("event %d of %d for consumer %s (ended: %s)", got.size() + 1, n, consumer, ended.getNow(null))
                    .isNotNull();
            if (matching.test(e)) {
                got.add(e);
            }
        }
        return got;
    }

    /** The next {@code n} events about these members. */
    public List<Event> nextOf(int n, Set<String> memberIds) {
        return next(n, e -> memberIds.contains(e.getMemberId()));
    }

    /** Nothing about these members arrives within {@code quiet}: for "the stream holds back" checks. */
    public void assertNothingMoreOf(Set<String> memberIds, Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            Event e;
            try {
                e = arrived.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            }
            if (e != null) {
                assertThat(memberIds).as("unexpected event %s", e).doesNotContain(e.getMemberId());
            }
        }
    }

    /** Waits for the stream to end and returns how. */
    public Status awaitEnd() {
        Throwable t = awaitEndCause();
        return t == null ? Status.OK : Status.fromThrowable(t);
    }

    /** Waits for the stream to fail and returns the error, with its details. */
    public StatusRuntimeException awaitError() {
        Throwable t = awaitEndCause();
        assertThat(t)
                .as("stream of consumer %s ended with an error", consumer)
                .isInstanceOf(StatusRuntimeException.class);
        return (StatusRuntimeException) t;
    }

    private Throwable awaitEndCause() {
        try {
            return ended.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the stream of consumer " + consumer + " did not end", e);
        }
    }

    public String consumer() {
        return consumer;
    }

    public boolean hasEnded() {
        return ended.isDone();
    }

    /** Acknowledges through the channel this subscriber streams from; returns the new offset. */
    public long ack(long sequence) {
        return ack(channel, apiKey, consumer, sequence);
    }

    public static long ack(Channel channel, String apiKey, String consumer, long sequence) {
        return EventServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(CoreTestBase.key(apiKey))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .ack(AckRequest.newBuilder()
                        .setConsumer(consumer)
                        .setSequence(sequence)
                        .build())
                .getAckedSequence();
    }

    /** The client goes away (like a consumer process that dies): the server just stops. */
    public void cancel() {
        ClientCallStreamObserver<SubscribeRequest> c = call;
        if (c != null && !ended.isDone()) {
            c.cancel("test consumer disconnects", null);
        }
    }

    @Override
    public void close() {
        cancel();
    }
}
