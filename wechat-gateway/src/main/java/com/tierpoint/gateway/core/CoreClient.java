package com.tierpoint.gateway.core;

import com.tierpoint.proto.v1.AnalyticsServiceGrpc;
import com.tierpoint.proto.v1.EngagementServiceGrpc;
import com.tierpoint.proto.v1.EventServiceGrpc;
import com.tierpoint.proto.v1.InviteServiceGrpc;
import com.tierpoint.proto.v1.MemberServiceGrpc;
import com.tierpoint.proto.v1.OperatorServiceGrpc;
import com.tierpoint.proto.v1.PointsServiceGrpc;
import com.tierpoint.proto.v1.ProgramServiceGrpc;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's stubs of the core: every call carries the gateway's key, and every unary call a
 * deadline. Streams (the event subscription) have none: they live until either side ends them.
 */
public final class CoreClient {

    private static final Metadata.Key<String> API_KEY = Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER);

    private final ManagedChannel channel;
    private final CallCredentials credentials;
    private final Duration deadline;

    public CoreClient(ManagedChannel channel, String apiKey, Duration deadline) {
        this.channel = channel;
        this.credentials = apiKeyCredentials(apiKey);
        this.deadline = deadline;
    }

    public MemberServiceGrpc.MemberServiceBlockingStub members() {
        return MemberServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(credentials)
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    public PointsServiceGrpc.PointsServiceBlockingStub points() {
        return PointsServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(credentials)
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    public EngagementServiceGrpc.EngagementServiceBlockingStub engagement() {
        return EngagementServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(credentials)
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    public InviteServiceGrpc.InviteServiceBlockingStub invites() {
        return InviteServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(credentials)
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    public ProgramServiceGrpc.ProgramServiceBlockingStub program() {
        return ProgramServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(credentials)
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    public AnalyticsServiceGrpc.AnalyticsServiceBlockingStub analytics() {
        return AnalyticsServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(credentials)
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    public OperatorServiceGrpc.OperatorServiceBlockingStub operators() {
        return OperatorServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(credentials)
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Acks carry a deadline; {@link #eventStream()} is for the subscription itself. */
    public EventServiceGrpc.EventServiceBlockingStub events() {
        return EventServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(credentials)
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The subscription: no deadline, it lasts until either side ends it. */
    public EventServiceGrpc.EventServiceBlockingStub eventStreamBlocking() {
        return EventServiceGrpc.newBlockingStub(channel).withCallCredentials(credentials);
    }

    private static CallCredentials apiKeyCredentials(String apiKey) {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                Metadata m = new Metadata();
                m.put(API_KEY, apiKey);
                applier.apply(m);
            }
        };
    }
}
