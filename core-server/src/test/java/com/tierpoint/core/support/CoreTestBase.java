package com.tierpoint.core.support;

import com.tierpoint.core.TierpointCoreApplication;
import com.tierpoint.core.auth.ApiKeys;
import com.tierpoint.core.shared.application.AfterCommit;
import com.tierpoint.proto.v1.EarnRequest;
import com.tierpoint.proto.v1.EnrollMemberRequest;
import com.tierpoint.proto.v1.GetMemberRequest;
import com.tierpoint.proto.v1.Member;
import com.tierpoint.proto.v1.MemberRef;
import com.tierpoint.proto.v1.MemberServiceGrpc;
import com.tierpoint.proto.v1.OrderServiceGrpc;
import com.tierpoint.proto.v1.PointsServiceGrpc;
import com.tierpoint.proto.v1.PointsWriteResponse;
import com.tierpoint.proto.v1.Program;
import com.tierpoint.proto.v1.ProgramServiceGrpc;
import com.tierpoint.proto.v1.RedeemRequest;
import com.tierpoint.proto.v1.UpdateProgramRequest;
import com.tierpoint.proto.v1.WeChatIdentity;
import io.grpc.CallCredentials;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.inprocess.InProcessChannelBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Boots the whole core once (one Spring context for every test class) against real MariaDB and
 * Redis (see {@link TestServices}), serving gRPC in-process, with a clock the tests move.
 * Tests talk to it only through the public gRPC contract, authenticated like any client.
 */
@SpringBootTest(
        classes = {TierpointCoreApplication.class, CoreTestBase.TestClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.NONE)
public abstract class CoreTestBase {

    public static final String IN_PROCESS = "tierpoint-core-test";
    public static final Instant T0 = Instant.parse("2026-03-10T02:00:00Z");

    /** Every scope. */
    public static final String ADMIN_KEY = "test-admin-key";
    /** members:read and points:read only. */
    public static final String READER_KEY = "test-reader-key";
    /** orders:write only. */
    public static final String ORDERS_KEY = "test-orders-key";
    /** events:read only: a second event-consuming client beside the admin. */
    public static final String EVENTS_KEY = "test-events-key";

    /** The operator made an admin at startup by tierpoint.operators.bootstrap-admins. */
    public static final String BOOTSTRAP_ADMIN = "boss";

    private static ManagedChannel channel;

    @Autowired
    protected MutableClock clock;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry r) {
        testProperties().forEach((name, value) -> r.add(name, () -> value));
        r.add("tierpoint.grpc.in-process-name", () -> IN_PROCESS);
    }

    /**
     * The settings every core booted by the tests shares: the test database and Redis, no demo,
     * no program caching, and the test clients with their keys.
     */
    public static Map<String, String> testProperties() {
        TestServices s = TestServices.get();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", s.jdbcUrl);
        p.put("spring.datasource.username", s.jdbcUser);
        p.put("spring.datasource.password", s.jdbcPassword);
        p.put("tierpoint.redis.url", s.redisUrl());
        p.put("tierpoint.demo.enabled", "false");
        p.put("tierpoint.program.refresh", "0s");
        p.put("tierpoint.cache.repair-interval", "100ms");
        // the near-cache's age limit is a safety net: long here, so it never hides a missed invalidation
        p.put("tierpoint.cache.near.max-age", "5m");
        // two group-commit writers (one is the default), so that writers meeting is covered too
        p.put("tierpoint.group-commit.writers", "2");
        // tests run jobs themselves, at the time they set
        p.put("tierpoint.jobs.enabled", "false");
        // the console's first admin, made at startup
        p.put("tierpoint.operators.bootstrap-admins", BOOTSTRAP_ADMIN);
        client(
                p,
                0,
                "test-admin",
                ADMIN_KEY,
                "members:read,members:write,points:read,points:write,orders:write,program:admin,events:read,"
                        + "operators:write,analytics:read");
        client(p, 1, "test-reader", READER_KEY, "members:read,points:read");
        client(p, 2, "test-orders", ORDERS_KEY, "orders:write");
        client(p, 3, "test-events", EVENTS_KEY, "events:read");
        return p;
    }

    private static void client(Map<String, String> p, int i, String id, String key, String scopes) {
        p.put("tierpoint.auth.clients[" + i + "].id", id);
        p.put("tierpoint.auth.clients[" + i + "].key-sha256", ApiKeys.sha256(key));
        p.put("tierpoint.auth.clients[" + i + "].scopes", scopes);
    }

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(T0);
        }

        @Bean
        GroupCommitFaults groupCommitFaults(AfterCommit afterCommit) {
            return new GroupCommitFaults(afterCommit);
        }
    }

    @BeforeEach
    void resetClockAndProgram() {
        clock.set(T0);
        useProgram(TestPrograms.standard());
    }

    /** One in-process channel for the whole run, like the one shared Spring context. */
    protected static synchronized ManagedChannel channel() {
        if (channel == null) {
            channel =
                    InProcessChannelBuilder.forName(IN_PROCESS).directExecutor().build();
        }
        return channel;
    }

    public static CallCredentials key(String apiKey) {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                Metadata m = new Metadata();
                m.put(Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER), apiKey);
                applier.apply(m);
            }
        };
    }

    protected static MemberServiceGrpc.MemberServiceBlockingStub members() {
        return MemberServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(key(ADMIN_KEY))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    protected static PointsServiceGrpc.PointsServiceBlockingStub points() {
        return PointsServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(key(ADMIN_KEY))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    protected static OrderServiceGrpc.OrderServiceBlockingStub orders() {
        return OrderServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(key(ADMIN_KEY))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    protected static ProgramServiceGrpc.ProgramServiceBlockingStub programs() {
        return ProgramServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(key(ADMIN_KEY))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    protected static Program useProgram(Program program) {
        return programs()
                .updateProgram(UpdateProgramRequest.newBuilder()
                        .setIdempotencyKey(UUID.randomUUID().toString())
                        .setProgram(program)
                        .build());
    }

    /** Enrolls a fresh member (unique openid) and returns its id. */
    protected static String newMember() {
        return members()
                .enrollMember(EnrollMemberRequest.newBuilder()
                        .setIdempotencyKey(UUID.randomUUID().toString())
                        .setIdentity(
                                WeChatIdentity.newBuilder().setAppId("wxtest").setOpenid("o_" + UUID.randomUUID()))
                        .build())
                .getMember()
                .getMemberId();
    }

    protected static PointsWriteResponse earn(String memberId, long pts) {
        return points().earn(earnRequest(memberId, pts));
    }

    /** {@link #earn} through another core instance's channel. */
    protected static PointsWriteResponse earnThrough(Channel channel, String memberId, long pts) {
        return PointsServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(key(ADMIN_KEY))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .earn(earnRequest(memberId, pts));
    }

    /** An Earn of {@code pts} with a fresh idempotency key. */
    protected static EarnRequest earnRequest(String memberId, long pts) {
        return EarnRequest.newBuilder()
                .setIdempotencyKey(UUID.randomUUID().toString())
                .setMemberId(memberId)
                .setPoints(pts)
                .setReason("test grant")
                .setSource("test")
                .build();
    }

    protected static PointsWriteResponse redeem(String memberId, long pts, String idempotencyKey) {
        return points().redeem(RedeemRequest.newBuilder()
                .setIdempotencyKey(idempotencyKey)
                .setMemberId(memberId)
                .setPoints(pts)
                .setReason("兑换优惠券")
                .setSource("mall")
                .build());
    }

    protected static PointsWriteResponse redeem(String memberId, long pts) {
        return redeem(memberId, pts, uniqueKey());
    }

    protected static Member member(String memberId) {
        return members()
                .getMember(GetMemberRequest.newBuilder()
                        .setMember(MemberRef.newBuilder().setMemberId(memberId))
                        .build());
    }

    protected static String uniqueKey() {
        return UUID.randomUUID().toString();
    }

    protected Clock clock() {
        return clock;
    }
}
