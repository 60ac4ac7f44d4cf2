package com.tierpoint.core.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.util.concurrent.ListenableFuture;
import com.tierpoint.core.auth.ApiKeyInterceptor;
import com.tierpoint.core.auth.ApiKeys;
import com.tierpoint.core.shared.model.NotFound;
import com.tierpoint.core.support.Await;
import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.proto.v1.FindMembersRequest;
import com.tierpoint.proto.v1.FindMembersResponse;
import com.tierpoint.proto.v1.GetMemberRequest;
import com.tierpoint.proto.v1.Member;
import com.tierpoint.proto.v1.MemberRef;
import com.tierpoint.proto.v1.MemberServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Methods a service declares {@link AnswersInline} start on the transport thread; every other
 * call, and the blocking part of an inline one, runs on a worker, as the authenticated caller,
 * with its errors translated as for any call.
 */
class InlineCallsTest {

    /** GetMember answers inline for member "1" and hands anything else to the workers; FindMembers is ordinary. */
    private static final class ThreadReporting extends MemberServiceGrpc.MemberServiceImplBase
            implements AnswersInline {

        private final GrpcWorkers workers;
        private final CountDownLatch release = new CountDownLatch(1);

        ThreadReporting(GrpcWorkers workers) {
            this.workers = workers;
        }

        @Override
        public Set<String> inlineMethods() {
            return Set.of(MemberServiceGrpc.getGetMemberMethod().getFullMethodName());
        }

        @Override
        public void getMember(GetMemberRequest request, StreamObserver<Member> out) {
            String id = request.getMember().getMemberId();
            if (id.equals("1")) {
                answer(out, "inline");
                return;
            }
            workers.answer(out, "GetMember", () -> {
                if (id.equals("missing")) {
                    throw new NotFound("member 404");
                }
                if (id.equals("hold")) {
                    awaitRelease();
                }
                answer(out, "offloaded");
            });
        }

        @Override
        public void findMembers(FindMembersRequest request, StreamObserver<FindMembersResponse> out) {
            out.onNext(FindMembersResponse.newBuilder()
                    .addMembers(describe("ordinary"))
                    .build());
            out.onCompleted();
        }

        private void awaitRelease() {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void answer(StreamObserver<Member> out, String how) {
            out.onNext(describe(how));
            out.onCompleted();
        }

        /** Where (nickname) and as whom (birthday) the handler ran, in fields of a Member. */
        private static Member describe(String how) {
            return Member.newBuilder()
                    .setMemberId(how)
                    .setNickname(Thread.currentThread().getName())
                    .setBirthday(ApiKeyInterceptor.caller().clientId())
                    .build();
        }
    }

    private GrpcServer server;
    private ManagedChannel channel;
    private ThreadPoolExecutor executor;
    private ThreadReporting service;

    @BeforeEach
    void start() {
        GrpcServerProperties props = LocalServers.plaintext(1);
        ApiKeys keys = LocalServers.oneReader("crm", "crm-key");
        // one worker and a queue of one: a third blocking call at once is refused
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1), r -> {
            Thread t = new Thread(r, "grpc-worker-test");
            t.setDaemon(true);
            return t;
        });
        GrpcWorkers workers = new GrpcWorkers(executor);
        service = new ThreadReporting(workers);
        server = new GrpcServer(
                props,
                List.of(service),
                List.of(
                        new MetricsInterceptor(new SimpleMeterRegistry()),
                        new ApiKeyInterceptor(keys),
                        new ErrorTranslator()),
                executor,
                service.inlineMethods());
        server.start();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port())
                .usePlaintext()
                .build();
    }

    @AfterEach
    void stop() {
        service.release.countDown();
        channel.shutdownNow();
        server.stop();
    }

    private MemberServiceGrpc.MemberServiceBlockingStub stub() {
        return MemberServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(CoreTestBase.key("crm-key"))
                .withDeadlineAfter(5, TimeUnit.SECONDS);
    }

    private Member get(String id) {
        return stub().getMember(GetMemberRequest.newBuilder()
                .setMember(MemberRef.newBuilder().setMemberId(id))
                .build());
    }

    @Test
    void anInlineMethodAnswersOnTheTransportThreadAsTheAuthenticatedCaller() {
        Member m = get("1");

        assertThat(m.getMemberId()).isEqualTo("inline");
        assertThat(m.getNickname()).doesNotStartWith("grpc-worker");
        assertThat(m.getBirthday()).isEqualTo("crm");
    }

    @Test
    void theBlockingPartOfAnInlineMethodRunsOnAWorkerAsTheAuthenticatedCaller() {
        Member m = get("2");

        assertThat(m.getMemberId()).isEqualTo("offloaded");
        assertThat(m.getNickname()).isEqualTo("grpc-worker-test");
        assertThat(m.getBirthday()).isEqualTo("crm");
    }

    @Test
    void everyOtherMethodRunsOnAWorker() {
        FindMembersResponse r = stub().findMembers(FindMembersRequest.getDefaultInstance());

        assertThat(r.getMembers(0).getNickname()).isEqualTo("grpc-worker-test");
    }

    @Test
    void anErrorOfTheBlockingPartReachesTheClientTranslated() {
        assertThatThrownBy(() -> get("missing")).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
            assertThat(e.getStatus().getDescription()).isEqualTo("member 404 not found");
        });
    }

    @Test
    void anInlineMethodIsAuthenticatedLikeAnyOther() {
        assertThatThrownBy(() -> MemberServiceGrpc.newBlockingStub(channel)
                        .withDeadlineAfter(5, TimeUnit.SECONDS)
                        .getMember(GetMemberRequest.newBuilder()
                                .setMember(MemberRef.newBuilder().setMemberId("1"))
                                .build()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }

    @Test
    void whenTheWorkersAreFullTheBlockingPartIsRefusedAsUnavailable() throws Exception {
        List<ListenableFuture<Member>> holding = fillTheWorkers();

        assertThatThrownBy(() -> get("3")).isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(
                        e.getStatus().getCode())
                .isEqualTo(Status.Code.UNAVAILABLE));
        assertThat(get("1").getMemberId())
                .as("an answer from memory is still given")
                .isEqualTo("inline");

        service.release.countDown();
        for (ListenableFuture<Member> held : holding) {
            assertThat(held.get(5, TimeUnit.SECONDS).getMemberId()).isEqualTo("offloaded");
        }
    }

    @Test
    void anOrdinaryCallIsAnsweredUnavailableWhenTheWorkersAreFullAndRunsLaterOnesAgain() throws Exception {
        List<ListenableFuture<Member>> holding = fillTheWorkers();

        assertThatThrownBy(() -> stub().findMembers(FindMembersRequest.getDefaultInstance()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
                    assertThat(e.getStatus().getDescription()).isEqualTo("the server is busy; retry");
                });

        service.release.countDown();
        for (ListenableFuture<Member> held : holding) {
            held.get(5, TimeUnit.SECONDS);
        }
        assertThat(stub().findMembers(FindMembersRequest.getDefaultInstance())
                        .getMembers(0)
                        .getNickname())
                .isEqualTo("grpc-worker-test");
    }

    /** Two calls that block: one on the only worker, one in the queue of one; a third is refused. */
    private List<ListenableFuture<Member>> fillTheWorkers() {
        var async = MemberServiceGrpc.newFutureStub(channel)
                .withCallCredentials(CoreTestBase.key("crm-key"))
                .withDeadlineAfter(5, TimeUnit.SECONDS);
        GetMemberRequest hold = GetMemberRequest.newBuilder()
                .setMember(MemberRef.newBuilder().setMemberId("hold"))
                .build();
        ListenableFuture<Member> running = async.getMember(hold);
        Await.until(() -> executor.getActiveCount() == 1);
        ListenableFuture<Member> queued = async.getMember(hold);
        Await.until(() -> executor.getQueue().size() == 1);
        return List.of(running, queued);
    }
}
