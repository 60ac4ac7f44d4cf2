package com.tierpoint.bench;

import com.google.protobuf.Timestamp;
import com.tierpoint.proto.v1.EarnRequest;
import com.tierpoint.proto.v1.GetMemberRequest;
import com.tierpoint.proto.v1.MemberRef;
import com.tierpoint.proto.v1.MemberServiceGrpc;
import com.tierpoint.proto.v1.OrderServiceGrpc;
import com.tierpoint.proto.v1.OrderStatus;
import com.tierpoint.proto.v1.PointsServiceGrpc;
import com.tierpoint.proto.v1.RecordOrderRequest;
import com.tierpoint.proto.v1.RedeemRequest;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The core's scenarios over real gRPC (and the gateway's over HTTP), authenticated with the bench
 * key. The gRPC load is asynchronous (future stubs, completions on the channel's transport thread),
 * so that the generator does not spend a thread hand-over on each side of every call.
 */
final class CoreScenarios implements AutoCloseable {

    /** GetMember reads this many members, so that after the warm-up every view is cached. */
    static final int CACHED_MEMBERS = 1000;
    /** Mini-program users logged in through the gateway for gateway-me. */
    static final int GATEWAY_USERS = 200;

    private final Settings s;
    private final ManagedChannel channel;
    private final CallCredentials key;

    CoreScenarios(Settings s) {
        this.s = s;
        // completions run on the transport thread and start the next call there (LoadRun.runAsync)
        this.channel = NettyChannelBuilder.forTarget(s.coreTarget())
                .usePlaintext()
                .directExecutor()
                .build();
        String apiKey = s.apiKey();
        this.key = new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                Metadata m = new Metadata();
                m.put(Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER), apiKey);
                applier.apply(m);
            }
        };
    }

    private PointsServiceGrpc.PointsServiceBlockingStub points() {
        return PointsServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(key)
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private PointsServiceGrpc.PointsServiceFutureStub pointsAsync() {
        return PointsServiceGrpc.newFutureStub(channel)
                .withCallCredentials(key)
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private long randomMember() {
        return Seeding.FIRST_MEMBER + ThreadLocalRandom.current().nextInt(s.members());
    }

    /** Earn 10 points on a random member of all seeded ones, a fresh idempotency key each. */
    Result earn(int concurrency, Duration seconds) throws InterruptedException {
        return LoadRun.runAsync("earn", concurrency, s.warmup(), seconds, (w, n) -> pointsAsync()
                .earn(EarnRequest.newBuilder()
                        .setIdempotencyKey(UUID.randomUUID().toString())
                        .setMemberId(String.valueOf(randomMember()))
                        .setPoints(10)
                        .setReason("bench earn")
                        .setSource("bench")
                        .build()));
    }

    /** Redeem 1 point of one member, funded first with one large lot. */
    Result redeemHot(int concurrency, Duration seconds) throws InterruptedException {
        String hot = String.valueOf(Seeding.FIRST_MEMBER);
        points().earn(EarnRequest.newBuilder()
                .setIdempotencyKey("bench-fund-hot-" + UUID.randomUUID())
                .setMemberId(hot)
                .setPoints(100_000_000L)
                .setReason("bench funding")
                .setSource("bench")
                .build());
        return LoadRun.runAsync("redeem-hot", concurrency, s.warmup(), seconds, (w, n) -> pointsAsync()
                .redeem(RedeemRequest.newBuilder()
                        .setIdempotencyKey(UUID.randomUUID().toString())
                        .setMemberId(hot)
                        .setPoints(1)
                        .setReason("bench redeem")
                        .setSource("bench")
                        .build()));
    }

    /** GetMember of a random member among the first CACHED_MEMBERS (cached after the warm-up). */
    Result getMember(int concurrency, Duration seconds) throws InterruptedException {
        return LoadRun.runAsync("get-member", concurrency, s.warmup(), seconds, (w, n) -> {
            long m = Seeding.FIRST_MEMBER + ThreadLocalRandom.current().nextInt(CACHED_MEMBERS);
            return MemberServiceGrpc.newFutureStub(channel)
                    .withCallCredentials(key)
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .getMember(GetMemberRequest.newBuilder()
                            .setMember(MemberRef.newBuilder().setMemberId(String.valueOf(m)))
                            .build());
        });
    }

    /** RecordOrder: a new paid order of ¥100 on a random member. */
    Result recordOrder(int concurrency, Duration seconds) throws InterruptedException {
        return LoadRun.runAsync("record-order", concurrency, s.warmup(), seconds, (w, n) -> {
            Instant now = Instant.now();
            return OrderServiceGrpc.newFutureStub(channel)
                    .withCallCredentials(key)
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .recordOrder(RecordOrderRequest.newBuilder()
                            .setIdempotencyKey(UUID.randomUUID().toString())
                            .setOrderId("B" + UUID.randomUUID())
                            .setMemberId(String.valueOf(randomMember()))
                            .setAmountFen(10_000)
                            .setStatus(OrderStatus.PAID)
                            .setOccurredAt(Timestamp.newBuilder()
                                    .setSeconds(now.getEpochSecond())
                                    .setNanos(now.getNano()))
                            .build());
        });
    }

    /**
     * GET /api/v1/me through the gateway for one of GATEWAY_USERS mini-program users, who log
     * in first (sandbox wx.login code, then POST /api/v1/session).
     */
    Result gatewayMe(int concurrency, Duration seconds) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < GATEWAY_USERS; i++) {
            String code = field(
                    post(http, s.sandboxUrl() + "/sandbox/wx-login", "{\"user\":\"bench-" + run + "-" + i + "\"}"),
                    "code");
            tokens.add(field(
                    post(
                            http,
                            s.gatewayUrl() + "/api/v1/session",
                            "{\"code\":\"" + code + "\",\"nickname\":\"bench\"}"),
                    "accessToken"));
        }
        return LoadRun.run("gateway-me", concurrency, s.warmup(), seconds, (w, n) -> {
            String token = tokens.get(ThreadLocalRandom.current().nextInt(tokens.size()));
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(s.gatewayUrl() + "/api/v1/me"))
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET /me: HTTP " + r.statusCode() + " " + r.body());
            }
        });
    }

    private static String post(HttpClient http, String url, String json) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + url + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"")
                .matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdown().awaitTermination(5, TimeUnit.SECONDS);
    }
}
