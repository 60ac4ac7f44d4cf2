package com.tierpoint.core.cache;

import static com.tierpoint.core.support.LedgerAssertions.assertLedgerConsistent;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.member.application.MemberView;
import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.core.support.TestServices;
import com.tierpoint.proto.v1.GetBalanceRequest;
import com.tierpoint.proto.v1.GetMemberRequest;
import com.tierpoint.proto.v1.GetTierProgressRequest;
import com.tierpoint.proto.v1.Member;
import com.tierpoint.proto.v1.MemberRef;
import com.tierpoint.proto.v1.Metric;
import com.tierpoint.proto.v1.MetricProgress;
import com.tierpoint.proto.v1.PointsWriteResponse;
import com.tierpoint.proto.v1.RedeemRequest;
import com.tierpoint.proto.v1.TierProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class MemberViewCacheTest extends CoreTestBase {

    @Autowired
    MemberViewCache cache;

    @Autowired
    JdbcTemplate db;

    @AfterEach
    void bringRedisBack() {
        TestServices.get().redisProxy.restore();
        await(() -> !cache.suspect(), Duration.ofSeconds(20), "the cache to leave suspect mode");
    }

    @Test
    void getMemberAfterAnEarnShowsTheNewBalanceAndAHigherVersion() {
        String m = newMember();
        Member before = getMember(m);
        assertThat(cachedView(m)).as("GetMember caches the view").isPresent();

        earn(m, 120);
        Member after = getMember(m);

        assertThat(before.getPointsAvailable()).isZero();
        assertThat(after.getPointsAvailable()).isEqualTo(120);
        assertThat(after.getVersion()).isGreaterThan(before.getVersion());
        assertThat(after.getVersion()).isEqualTo(memberVersionInDb(m));
        assertThat(cachedView(m))
                .get()
                .extracting(MemberView::version, MemberView::pointsAvailable)
                .containsExactly(after.getVersion(), 120L);
        assertThat(getMember(m)).as("served again from the cache, unchanged").isEqualTo(after);
    }

    @Test
    void withRedisCutWritesAndReadsStillSucceedFromTheDatabaseWithCorrectValues() {
        String m = newMember();
        earn(m, 500);
        getMember(m);

        TestServices.get().redisProxy.cut();
        try {
            PointsWriteResponse earned = earn(m, 300);
            PointsWriteResponse redeemed = points().redeem(RedeemRequest.newBuilder()
                    .setIdempotencyKey(uniqueKey())
                    .setMemberId(m)
                    .setPoints(200)
                    .setReason("兑换礼品")
                    .build());
            Member member = getMember(m);
            TierProgress progress = members()
                    .getTierProgress(GetTierProgressRequest.newBuilder()
                            .setMember(MemberRef.newBuilder().setMemberId(m))
                            .build());

            assertThat(earned.getBalance().getAvailable()).isEqualTo(800);
            assertThat(redeemed.getTransaction().getBalanceAfter()).isEqualTo(600);
            assertThat(redeemed.getBalance().getAvailable()).isEqualTo(600);
            assertThat(member.getPointsAvailable()).isEqualTo(600);
            assertThat(member.getVersion()).isEqualTo(memberVersionInDb(m));
            assertThat(member.getTier().getCode()).isEqualTo("MEMBER");
            assertThat(progress.getCurrentTier().getCode()).isEqualTo("MEMBER");
            assertThat(progress.getNextTier().getCode()).isEqualTo("SILVER");
            assertThat(progress.getNextTierRequirementsList())
                    .extracting(MetricProgress::getMetric, MetricProgress::getCurrent, MetricProgress::getRequired)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(Metric.GROWTH_VALUE, 0L, 1_000L),
                            org.assertj.core.groups.Tuple.tuple(Metric.ORDER_COUNT, 0L, 5L));
            assertThat(points().getBalance(GetBalanceRequest.newBuilder()
                                    .setMemberId(m)
                                    .build())
                            .getAvailable())
                    .isEqualTo(600);
            assertThat(cache.suspect())
                    .as("missed invalidations put the cache in suspect mode")
                    .isTrue();
        } finally {
            TestServices.get().redisProxy.restore();
        }
        assertLedgerConsistent(db, m);
    }

    @Test
    void aViewCachedBeforeAnOutageIsNotServedAfterRedisReturnsWhenTheMemberChangedMeanwhile() {
        String m = newMember();
        earn(m, 40);
        Member cachedBefore = getMember(m);
        assertThat(cachedView(m)).get().extracting(MemberView::pointsAvailable).isEqualTo(40L);

        TestServices.get().redisProxy.cut();
        try {
            earn(m, 60);
        } finally {
            TestServices.get().redisProxy.restore();
        }

        Member rightAfter = getMember(m);
        assertThat(rightAfter.getPointsAvailable()).isEqualTo(100);
        assertThat(rightAfter.getVersion()).isGreaterThan(cachedBefore.getVersion());

        await(() -> !cache.suspect(), Duration.ofSeconds(20), "the missed invalidations to be replayed");

        Member afterRepair = getMember(m);
        assertThat(afterRepair.getPointsAvailable()).isEqualTo(100);
        assertThat(afterRepair.getVersion()).isEqualTo(memberVersionInDb(m));
        Member servedFromCache = getMember(m);
        assertThat(servedFromCache).isEqualTo(afterRepair);
        assertThat(cachedView(m))
                .get()
                .extracting(MemberView::version, MemberView::pointsAvailable)
                .containsExactly(afterRepair.getVersion(), 100L);
    }

    @Test
    void aStaleViewOfferedAfterATombstoneNeverReplacesTheNewerState() {
        String m = newMember();
        earn(m, 10);
        getMember(m);
        MemberView old = cachedView(m).orElseThrow();

        earn(m, 25);
        cache.offer(withVersionAndPoints(old, old.version(), 10), Duration.ofMinutes(5));

        assertThat(cachedView(m)).as("the tombstone of the newer version holds").isEmpty();
        Member now = getMember(m);
        assertThat(now.getPointsAvailable()).isEqualTo(35);
        assertThat(now.getVersion()).isEqualTo(old.version() + 1);
    }

    @Test
    void aStaleViewOfferedOverANewerCachedViewIsDropped() {
        String m = newMember();
        earn(m, 10);
        earn(m, 20);
        Member current = getMember(m);
        MemberView cached = cachedView(m).orElseThrow();
        assertThat(cached.version()).isEqualTo(current.getVersion());

        cache.offer(withVersionAndPoints(cached, cached.version() - 1, 999), Duration.ofMinutes(5));

        assertThat(cachedView(m))
                .get()
                .extracting(MemberView::version, MemberView::pointsAvailable)
                .containsExactly(current.getVersion(), 30L);
        Member again = getMember(m);
        assertThat(again.getPointsAvailable()).isEqualTo(30);
        assertThat(again.getVersion()).isEqualTo(current.getVersion());
    }

    private static Member getMember(String m) {
        return members()
                .getMember(GetMemberRequest.newBuilder()
                        .setMember(MemberRef.newBuilder().setMemberId(m))
                        .build());
    }

    private Optional<MemberView> cachedView(String m) {
        return cache.get(Long.parseLong(m));
    }

    private long memberVersionInDb(String m) {
        return db.queryForObject("SELECT version FROM member WHERE id = ?", Long.class, Long.parseLong(m));
    }

    private static MemberView withVersionAndPoints(MemberView v, long version, long pointsAvailable) {
        return new MemberView(
                v.memberId(),
                v.appId(),
                v.openid(),
                v.unionid(),
                v.nickname(),
                v.birthday(),
                v.tierCode(),
                v.tierSince(),
                v.tierValidUntil(),
                pointsAvailable,
                v.pointsPending(),
                v.expiringSoonest(),
                v.growthValue(),
                v.totalSpendFen(),
                v.orderCount(),
                v.validInvites(),
                v.enrolledAt(),
                version,
                v.programVersion(),
                v.metrics(),
                v.freshUntil(),
                v.phone());
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
