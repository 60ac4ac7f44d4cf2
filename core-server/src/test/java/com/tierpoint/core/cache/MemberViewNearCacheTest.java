package com.tierpoint.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.support.CoreInstance;
import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.core.support.TestServices;
import com.tierpoint.proto.v1.GetMemberRequest;
import com.tierpoint.proto.v1.Member;
import com.tierpoint.proto.v1.MemberRef;
import com.tierpoint.proto.v1.MemberServiceGrpc;
import com.tierpoint.proto.v1.PointsServiceGrpc;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The near-cache of member views in front of Redis, on real Redis, with other core instances
 * writing: what is served from memory, and when it is dropped.
 */
class MemberViewNearCacheTest extends CoreTestBase {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private static RedisClient direct;
    private static StatefulRedisConnection<String, String> directConnection;

    @Autowired
    MemberViewCache cache;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void redisWithoutTheProxy() {
        direct = RedisClient.create(TestServices.get().directRedisUrl());
        directConnection = direct.connect();
    }

    @AfterAll
    static void closeRedis() {
        directConnection.close();
        direct.shutdown();
    }

    @BeforeEach
    void nearCacheOn() {
        await(cache::nearCacheActive, "Redis to track member views for this instance");
    }

    @AfterEach
    void bringRedisBack() {
        TestServices.get().redisProxy.restore();
        await(() -> !cache.suspect() && cache.nearCacheActive(), "the cache to be back to normal");
    }

    @Test
    void aHitDoesNotTouchRedis() {
        String m = newMember();
        earn(m, 70);
        String key = "tp:mv:" + m;
        for (int attempt = 1; ; attempt++) {
            Member first = heldInMemory(m);
            // Redis's idle time of a key counts whole seconds since any command last read or wrote it
            await(() -> redis().objectIdletime(key) >= 1, "the view's key to be idle in Redis");
            long epochBefore = cache.nearEpoch();
            double nearHitsBefore = nearHits(meters);

            for (int i = 0; i < 50; i++) {
                assertThat(member(m)).isEqualTo(first);
            }

            boolean disturbed = cache.nearEpoch() != epochBefore || nearHits(meters) - nearHitsBefore < 50;
            if (disturbed && attempt < 5) {
                // the copy was dropped meanwhile, as it must be: a flush (a health PING timed out on a
                // busy machine), or Redis's invalidation of the earn's own tombstone arriving after
                // the copy was filled; its next read went to Redis. Try the window again.
                continue;
            }
            assertThat(redis().objectIdletime(key))
                    .as("no read reached the key in Redis")
                    .isGreaterThanOrEqualTo(1L);
            assertThat(nearHits(meters) - nearHitsBefore).isEqualTo(50.0);
            return;
        }
    }

    @Test
    void aWriteThroughThisInstanceIsVisibleOnItsVeryNextRead() {
        String m = newMember();
        earn(m, 10);
        Member before = heldInMemory(m);

        earn(m, 5);
        Member after = member(m);

        assertThat(after.getPointsAvailable()).isEqualTo(15);
        assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
    }

    @Test
    void aViewCachedByOneInstanceIsEvictedWhenAnotherInstanceWritesTheMember() {
        String m = newMember();
        earn(m, 100);
        Member cachedHere = heldInMemory(m);

        try (CoreInstance other = CoreInstance.start("near-cache-writer", clock, Map.of())) {
            PointsServiceGrpc.newBlockingStub(other.channel())
                    .withCallCredentials(key(ADMIN_KEY))
                    .earn(earnRequest(m, 23));

            await(() -> member(m).getPointsAvailable() == 123, "this instance to serve the other's write");
        }
        Member now = member(m);
        assertThat(now.getVersion()).isEqualTo(cachedHere.getVersion() + 1);
        assertThat(heldInMemory(m)).isEqualTo(now);
    }

    @Test
    void aViewCachedByAnotherInstanceIsEvictedWhenThisInstanceWritesTheMember() {
        String m = newMember();
        earn(m, 100);
        try (CoreInstance other = CoreInstance.start("near-cache-reader", clock, Map.of())) {
            MemberServiceGrpc.MemberServiceBlockingStub othersMembers =
                    MemberServiceGrpc.newBlockingStub(other.channel()).withCallCredentials(key(ADMIN_KEY));
            await(other.bean(MemberViewCache.class)::nearCacheActive, "the other instance to keep views");
            MeterRegistry othersMeters = other.bean(MeterRegistry.class);
            await(
                    () -> {
                        double before = nearHits(othersMeters);
                        othersMembers.getMember(getRequest(m));
                        return nearHits(othersMeters) > before;
                    },
                    "the other instance to serve the view from memory");

            earn(m, 1);

            await(
                    () -> othersMembers.getMember(getRequest(m)).getPointsAvailable() == 101,
                    "the other instance to drop its copy");
        }
    }

    @Test
    void aMemberChangedWhileTheTrackingConnectionWasDownIsNotServedFromMemoryAfterwards() {
        String m = newMember();
        earn(m, 10);
        heldInMemory(m);
        // a second instance that reaches Redis directly, so it keeps writing while this one is cut off
        try (CoreInstance other = CoreInstance.start(
                "near-cache-direct-writer",
                clock,
                Map.of("tierpoint.redis.url", TestServices.get().directRedisUrl()))) {
            TestServices.get().redisProxy.cut();
            await(() -> !cache.nearCacheActive(), "this instance to notice its tracking connection dropped");

            PointsServiceGrpc.newBlockingStub(other.channel())
                    .withCallCredentials(key(ADMIN_KEY))
                    .earn(earnRequest(m, 7));
            assertThat(other.bean(MemberViewCache.class).suspect())
                    .as("the other instance's tombstone reached Redis")
                    .isFalse();

            TestServices.get().redisProxy.restore();
            await(cache::nearCacheActive, "tracking to start again");
        }

        assertThat(member(m).getPointsAvailable()).isEqualTo(17);
        assertThat(heldInMemory(m).getPointsAvailable()).isEqualTo(17);
    }

    @Test
    void theNearCacheIsFlushedWhenTheTrackingConnectionIsKilled() {
        String m = newMember();
        earn(m, 10);
        heldInMemory(m);
        long killed = cache.trackingClientId();

        redis().clientKill(KillArgs.Builder.id(killed));

        await(
                () -> cache.nearCacheActive() && cache.trackingClientId() != killed,
                "a new tracking connection to take over");
        double redisHitsBefore = redisHits();
        double nearHitsBefore = nearHits(meters);
        member(m);
        assertThat(nearHits(meters))
                .as("nothing held before the drop is served")
                .isEqualTo(nearHitsBefore);
        assertThat(redisHits()).isEqualTo(redisHitsBefore + 1);
    }

    /** Reads the member until this instance serves it from memory; returns what it served. */
    private Member heldInMemory(String m) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            double before = nearHits(meters);
            Member served = member(m);
            if (nearHits(meters) > before) {
                return served;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("member " + m + " never served from memory");
            }
        }
    }

    private static double nearHits(MeterRegistry registry) {
        return registry.counter("tierpoint.cache.member_view", "result", "near_hit")
                .count();
    }

    private double redisHits() {
        return meters.counter("tierpoint.cache.member_view", "result", "hit").count();
    }

    private static RedisCommands<String, String> redis() {
        return directConnection.sync();
    }

    private static GetMemberRequest getRequest(String m) {
        return GetMemberRequest.newBuilder()
                .setMember(MemberRef.newBuilder().setMemberId(m))
                .build();
    }

    private static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + DEADLINE + " waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
