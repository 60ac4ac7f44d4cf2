package com.tierpoint.core.points;

import static com.tierpoint.core.support.GrpcErrors.reason;
import static com.tierpoint.core.support.LedgerAssertions.assertLedgerConsistent;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.proto.v1.EarnRequest;
import com.tierpoint.proto.v1.EnrollMemberRequest;
import com.tierpoint.proto.v1.EnrollMemberResponse;
import com.tierpoint.proto.v1.GetBalanceRequest;
import com.tierpoint.proto.v1.PointsWriteResponse;
import com.tierpoint.proto.v1.TransactionType;
import com.tierpoint.proto.v1.WeChatIdentity;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ConcurrentLedgerTest extends CoreTestBase {

    private static final int THREADS = 16;

    @Autowired
    JdbcTemplate db;

    private ExecutorService pool;

    @BeforeEach
    void startPool() {
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS))
                .as("worker threads finished")
                .isTrue();
    }

    /** What one concurrent call came back with: a response or the gRPC error. */
    private record Outcome<T>(T value, StatusRuntimeException error) {
        boolean ok() {
            return error == null;
        }
    }

    @Test
    void fortyEightConcurrentRedeemsOfTenFromTwoHundredLetExactlyTwentyThroughAndNeverOverdraw() throws Exception {
        String m = newMember();
        earn(m, 200);

        List<Outcome<PointsWriteResponse>> outcomes = runTogether(48, i -> () -> redeem(m, 10, uniqueKey()));

        List<Outcome<PointsWriteResponse>> succeeded =
                outcomes.stream().filter(Outcome::ok).toList();
        List<Outcome<PointsWriteResponse>> refused =
                outcomes.stream().filter(o -> !o.ok()).toList();
        assertThat(succeeded).hasSize(20);
        assertThat(refused).hasSize(28);
        assertThat(refused).allSatisfy(o -> {
            assertThat(o.error().getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            assertThat(reason(o.error())).isEqualTo("INSUFFICIENT_POINTS");
        });
        assertThat(succeeded)
                .extracting(o -> o.value().getTransaction().getBalanceAfter())
                .containsExactlyInAnyOrder(
                        190L, 180L, 170L, 160L, 150L, 140L, 130L, 120L, 110L, 100L, 90L, 80L, 70L, 60L, 50L, 40L, 30L,
                        20L, 10L, 0L);
        assertThat(balance(m)).isEqualTo(0);
        assertThat(lines(m, "REDEEM")).isEqualTo(20);
        assertThat(memberVersion(m)).as("one enrol, one earn, twenty redeems").isEqualTo(22);
        assertLedgerConsistent(db, m);
    }

    @Test
    void twentyConcurrentCopiesOfOneEarnGrantOnceAndAllReturnTheSameTransaction() throws Exception {
        String m = newMember();
        EarnRequest request = EarnRequest.newBuilder()
                .setIdempotencyKey(uniqueKey())
                .setMemberId(m)
                .setPoints(55)
                .setReason("双倍积分活动")
                .setSource("campaign")
                .build();

        List<Outcome<PointsWriteResponse>> outcomes = runTogether(20, i -> () -> points().earn(request));

        assertThat(outcomes)
                .allSatisfy(o -> assertThat(o.error()).as("call error").isNull());
        List<String> ids = outcomes.stream()
                .map(o -> o.value().getTransaction().getTransactionId())
                .distinct()
                .toList();
        assertThat(ids).hasSize(1);
        assertThat(ids.get(0)).isNotEmpty();
        PointsWriteResponse first = outcomes.get(0).value();
        assertThat(outcomes).allSatisfy(o -> assertThat(o.value()).isEqualTo(first));
        assertThat(first.getTransaction().getType()).isEqualTo(TransactionType.EARN);
        assertThat(first.getTransaction().getPoints()).isEqualTo(55);
        assertThat(lines(m, "EARN")).isEqualTo(1);
        assertThat(balance(m)).isEqualTo(55);
        assertThat(db.queryForObject(
                        "SELECT COUNT(*) FROM idempotency_record WHERE idem_key = ?",
                        Integer.class,
                        request.getIdempotencyKey()))
                .isEqualTo(1);
        assertLedgerConsistent(db, m);
    }

    @Test
    void concurrentEnrolmentsOfOneWeChatIdentityMakeExactlyOneMember() throws Exception {
        String openid = "o_race_" + UUID.randomUUID();
        WeChatIdentity identity =
                WeChatIdentity.newBuilder().setAppId("wxrace").setOpenid(openid).build();

        List<Outcome<EnrollMemberResponse>> outcomes = runTogether(
                12,
                i -> () -> members()
                        .enrollMember(EnrollMemberRequest.newBuilder()
                                .setIdempotencyKey(uniqueKey())
                                .setIdentity(identity)
                                .setNickname("racer")
                                .build()));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.error())
                .as("every enrolment of an identity answers with the member")
                .isNull());
        assertThat(outcomes.stream()
                        .map(o -> o.value().getMember().getMemberId())
                        .distinct())
                .hasSize(1);
        assertThat(outcomes.stream().filter(o -> o.value().getCreated())).hasSize(1);
        assertThat(db.queryForObject(
                        "SELECT COUNT(*) FROM member WHERE app_id = ? AND openid = ?", Integer.class, "wxrace", openid))
                .isEqualTo(1);
        assertThat(outcomes)
                .allSatisfy(o -> assertThat(o.value().getMember().getIdentity().getOpenid())
                        .isEqualTo(openid));
    }

    @Test
    void interleavedConcurrentEarnsAndRedeemsKeepTheLedgerConsistent() throws Exception {
        String m = newMember();
        earn(m, 100);
        int earns = 24;
        int redeems = 24;

        List<Outcome<PointsWriteResponse>> outcomes =
                runTogether(earns + redeems, i -> i % 2 == 0 ? () -> earn(m, 10) : () -> redeem(m, 15, uniqueKey()));

        List<Outcome<PointsWriteResponse>> earnOutcomes = new ArrayList<>();
        List<Outcome<PointsWriteResponse>> redeemOutcomes = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            (i % 2 == 0 ? earnOutcomes : redeemOutcomes).add(outcomes.get(i));
        }
        assertThat(earnOutcomes)
                .allSatisfy(o -> assertThat(o.error()).as("earn error").isNull());
        assertThat(redeemOutcomes).filteredOn(o -> !o.ok()).allSatisfy(o -> {
            assertThat(o.error().getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            assertThat(reason(o.error())).isEqualTo("INSUFFICIENT_POINTS");
        });
        long redeemed = redeemOutcomes.stream().filter(Outcome::ok).count();
        long expected = 100 + 10L * earns - 15L * redeemed;
        assertThat(redeemed)
                .as("there were always points for at least the first six redeems")
                .isGreaterThanOrEqualTo(6);
        assertThat(expected).isGreaterThanOrEqualTo(0);
        assertThat(balance(m)).isEqualTo(expected);
        assertThat(lines(m, "EARN")).isEqualTo(1 + earns);
        assertThat(lines(m, "REDEEM")).isEqualTo((int) redeemed);
        List<Long> balancesAfter = db.queryForList(
                "SELECT balance_after FROM points_txn WHERE member_id = ? ORDER BY balance_after",
                Long.class,
                Long.parseLong(m));
        assertThat(balancesAfter).allSatisfy(b -> assertThat(b).isGreaterThanOrEqualTo(0L));
        assertThat(outcomes)
                .filteredOn(Outcome::ok)
                .extracting(o -> o.value().getTransaction().getTransactionId())
                .doesNotHaveDuplicates();
        assertLedgerConsistent(db, m);
    }

    /** Runs {@code n} calls on the pool, released at once by a latch, and collects each outcome in call order. */
    private <T> List<Outcome<T>> runTogether(int n, java.util.function.IntFunction<Callable<T>> call)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        CountDownLatch ready = new CountDownLatch(Math.min(n, THREADS));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome<T>>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Callable<T> c = call.apply(i);
            boolean waitsAtGate = i < THREADS;
            futures.add(pool.submit(() -> {
                if (waitsAtGate) {
                    ready.countDown();
                }
                if (!start.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("start signal never came");
                }
                try {
                    return new Outcome<>(c.call(), null);
                } catch (StatusRuntimeException e) {
                    return new Outcome<>(null, e);
                }
            }));
        }
        assertThat(ready.await(30, TimeUnit.SECONDS)).as("workers lined up").isTrue();
        start.countDown();
        List<Outcome<T>> outcomes = new ArrayList<>();
        for (Future<Outcome<T>> f : futures) {
            outcomes.add(f.get(60, TimeUnit.SECONDS));
        }
        return Collections.unmodifiableList(outcomes);
    }

    private static long balance(String m) {
        return points().getBalance(GetBalanceRequest.newBuilder().setMemberId(m).build())
                .getAvailable();
    }

    private int lines(String m, String type) {
        return db.queryForObject(
                "SELECT COUNT(*) FROM points_txn WHERE member_id = ? AND txn_type = ?",
                Integer.class,
                Long.parseLong(m),
                type);
    }

    private long memberVersion(String m) {
        return db.queryForObject("SELECT version FROM member WHERE id = ?", Long.class, Long.parseLong(m));
    }
}
