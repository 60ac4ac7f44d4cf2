package com.tierpoint.core.events.grpc;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.tierpoint.core.auth.ApiKeyInterceptor;
import com.tierpoint.core.events.application.AcknowledgingEvents;
import com.tierpoint.core.events.application.EventSink;
import com.tierpoint.core.events.application.EventStreams;
import com.tierpoint.core.events.application.SubscribingToEvents;
import com.tierpoint.core.events.model.SequencedEvent;
import com.tierpoint.core.events.model.StartPosition;
import com.tierpoint.core.events.model.StreamEnd;
import com.tierpoint.core.grpc.ErrorTranslator;
import com.tierpoint.core.grpc.Protos;
import com.tierpoint.proto.v1.AckRequest;
import com.tierpoint.proto.v1.AckResponse;
import com.tierpoint.proto.v1.Event;
import com.tierpoint.proto.v1.EventServiceGrpc;
import com.tierpoint.proto.v1.SubscribeRequest;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Component;

@Component
class EventGrpcService extends EventServiceGrpc.EventServiceImplBase {

    private final SubscribingToEvents subscribing;
    private final AcknowledgingEvents acknowledging;

    EventGrpcService(SubscribingToEvents subscribing, AcknowledgingEvents acknowledging) {
        this.subscribing = subscribing;
        this.acknowledging = acknowledging;
    }

    @Override
    public void subscribe(SubscribeRequest r, StreamObserver<Event> out) {
        ServerCallStreamObserver<Event> call = (ServerCallStreamObserver<Event>) out;
        EventStreams.Subscription subscription = subscribing.subscribe(
                new SubscribingToEvents.Command(
                        ApiKeyInterceptor.caller().clientId(), r.getConsumer(), start(r), r.getTypesList()),
                new Sink(call, r.getConsumer()));
        call.setOnCancelHandler(subscription::cancel);
        call.setOnReadyHandler(subscription::wake);
        subscription.start();
    }

    @Override
    public void ack(AckRequest r, StreamObserver<AckResponse> out) {
        long acked = acknowledging.ack(new AcknowledgingEvents.Command(
                ApiKeyInterceptor.caller().clientId(), r.getConsumer(), r.getSequence()));
        out.onNext(AckResponse.newBuilder().setAckedSequence(acked).build());
        out.onCompleted();
    }

    private static StartPosition start(SubscribeRequest r) {
        return switch (r.getStart()) {
            case EARLIEST -> StartPosition.EARLIEST;
            case LATEST -> StartPosition.LATEST;
            case UNRECOGNIZED -> null;
        };
    }

    static Event toProto(SequencedEvent e) {
        return Event.newBuilder()
                .setEventId(String.valueOf(e.id()))
                .setSequence(e.seq())
                .setType(e.type())
                .setMemberId(e.memberId() == 0 ? "" : String.valueOf(e.memberId()))
                .setMemberVersion(e.memberVersion())
                .setOccurredAt(Protos.timestamp(e.occurredAt()))
                .setPayloadJson(e.payloadJson())
                .build();
    }

    /** The stream's side of one Subscribe call. */
    private static final class Sink implements EventSink {

        private final ServerCallStreamObserver<Event> call;
        private final String consumer;

        Sink(ServerCallStreamObserver<Event> call, String consumer) {
            this.call = call;
            this.consumer = consumer;
        }

        @Override
        public boolean isReady() {
            return call.isReady();
        }

        @Override
        public void send(SequencedEvent event) {
            call.onNext(toProto(event));
        }

        @Override
        public void end(StreamEnd why) {
            call.onError(
                    switch (why) {
                        case SUPERSEDED ->
                            status(
                                    Code.ABORTED,
                                    "superseded: a newer Subscribe of consumer '" + consumer + "' took over",
                                    "CONSUMER_SUPERSEDED");
                        case SHUTTING_DOWN ->
                            status(
                                    Code.UNAVAILABLE,
                                    "the core is shutting down; subscribe again to resume after the acknowledged offset",
                                    "SHUTTING_DOWN");
                    });
        }

        @Override
        public void fail(RuntimeException cause) {
            call.onError(ErrorTranslator.translate(
                    cause, EventServiceGrpc.getSubscribeMethod().getFullMethodName()));
        }

        private static StatusRuntimeException status(Code code, String message, String reason) {
            return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                    .setCode(code.getNumber())
                    .setMessage(message)
                    .addDetails(Any.pack(ErrorInfo.newBuilder()
                            .setReason(reason)
                            .setDomain(ErrorTranslator.DOMAIN)
                            .build()))
                    .build());
        }
    }
}
