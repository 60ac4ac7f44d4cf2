package com.tierpoint.core.points;

import static com.tierpoint.core.support.GrpcErrors.reason;
import static com.tierpoint.core.support.LedgerAssertions.assertLedgerConsistent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tierpoint.core.shared.application.GroupCommit;
import com.tierpoint.core.support.Await;
import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.core.support.GroupCommitFaults;
import com.tierpoint.proto.v1.EarnRequest;
import com.tierpoint.proto.v1.PointsWriteResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Group commit (ADR 0012): Earn and Redeem requests that queue up together share one transaction
 * and are still claimed, refused, answered and evented one by one. Batches are formed without
 * timing: every writer is first kept busy by an earn on a member whose row the test holds locked,
 * the requests under test are queued meanwhile, and releasing the lock lets one writer take them
 * all at once.
 */
class GroupCommitTest extends CoreTestBase {

    @Autowired
    GroupCommit group;

    @Autowired
    GroupCommitFaults faults;

    @Autowired
    JdbcTemplate db;

    @Autowired
    DataSource dataSource;

    private ExecutorService pool;

    @BeforeEach
    void startPool() {
        pool = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    /** What one call came back with. */
    private record Outcome(PointsWriteResponse value, StatusRuntimeException error) {}

    @Test
    void earnsOfDifferentMembersQueuedTogetherCommitAsOneBatchAndEachGetsItsOwnAnswer() throws Exception {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(newMember());
        }
        // cached views of the members before the batch: they must not survive it
        members.forEach(m -> assertThat(member(m).getPointsAvailable()).isZero());
        long togetherBefore = group.writtenTogether();

        List<Callable<PointsWriteResponse>> calls = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            String m = members.get(i);
            long pts = 10L * (i + 1);
            calls.add(() -> earn(m, pts));
        }
        List<Outcome> outcomes = inOneBatch(calls);

        for (int i = 0; i < members.size(); i++) {
            String m = members.get(i);
            Outcome o = outcomes.get(i);
            assertThat(o.error()).as("earn %d", i).isNull();
            assertThat(o.value().getTransaction().getMemberId()).isEqualTo(m);
            assertThat(o.value().getTransaction().getPoints()).isEqualTo(10L * (i + 1));
            assertThat(o.value().getBalance().getAvailable()).isEqualTo(10L * (i + 1));
            assertThat(member(m).getPointsAvailable())
                    .as("the cached view was replaced after commit")
                    .isEqualTo(10L * (i + 1));
            assertThat(memberVersion(m)).as("enrol, earn").isEqualTo(2);
            assertThat(events(m)).containsExactly("member.enrolled", "points.earned");
            assertLedgerConsistent(db, m);
        }
        assertThat(outcomes.stream().map(o -> o.value().getTransaction().getTransactionId()))
                .doesNotHaveDuplicates();
        assertThat(group.writtenTogether() - togetherBefore)
                .as("all six written together (and each held writer's earn)")
                .isEqualTo(6L + group.writers());
    }

    @Test
    void theWriterGoesOnToTheNextBatchWhileTheLastOnesAfterCommitWorkRunsAndEachCallerIsAnsweredAfterItsOwn()
            throws Exception {
        String first = newMember();
        String second = newMember();
        String third = newMember();
        assertThat(member(first).getPointsAvailable())
                .as("cached before the earn")
                .isZero();
        Await.until(() -> group.busyWriters() == 0 && group.pending() == 0);
        CountDownLatch release = faults.holdAfterCommitOfNextBatch();
        long committed = group.batchesCommitted();

        // one batch after another; were the first batch's work to hold its writer, the other
        // writer would write both later batches and answer the second before taking the third
        Future<PointsWriteResponse> a = pool.submit(() -> earn(first, 10));
        Await.until(() -> group.batchesCommitted() == committed + 1);
        Future<PointsWriteResponse> b = pool.submit(() -> earn(second, 20));
        Await.until(() -> group.batchesCommitted() == committed + 2);
        Future<PointsWriteResponse> c = pool.submit(() -> earn(third, 30));
        Await.until(() -> group.batchesCommitted() == committed + 3);

        assertThat(List.of(balance(first), balance(second), balance(third)))
                .as("later batches committed while the first one's after-commit work was held")
                .containsExactly(10L, 20L, 30L);
        assertThat(a.isDone())
                .as("answered only after its cache and mirror work")
                .isFalse();
        assertThat(b.isDone())
                .as("after-commit work and answers go in commit order")
                .isFalse();
        assertThat(c.isDone()).isFalse();

        release.countDown();
        assertThat(a.get(30, TimeUnit.SECONDS).getBalance().getAvailable()).isEqualTo(10);
        assertThat(b.get(30, TimeUnit.SECONDS).getBalance().getAvailable()).isEqualTo(20);
        assertThat(c.get(30, TimeUnit.SECONDS).getBalance().getAvailable()).isEqualTo(30);
        assertThat(member(first).getPointsAvailable())
                .as("the caller reads its own earn: the view cached before it was replaced")
                .isEqualTo(10);
    }

    @Test
    void earnsOfOneMemberWrittenTogetherEachCountAsAVersionOfTheirOwnWithTheBalanceJustAfterThem() throws Exception {
        String m = newMember();
        String other = newMember();
        long togetherBefore = group.writtenTogether();

        List<Outcome> outcomes =
                inOneBatch(List.of(() -> earn(m, 10), () -> earn(other, 5), () -> earn(m, 10), () -> earn(m, 10)));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
        assertThat(group.writtenTogether() - togetherBefore).isEqualTo(4L + group.writers());
        List<PointsWriteResponse> mine = outcomes.stream()
                .map(Outcome::value)
                .filter(v -> v.getTransaction().getMemberId().equals(m))
                .toList();
        assertThat(mine).extracting(v -> v.getTransaction().getBalanceAfter()).containsExactlyInAnyOrder(10L, 20L, 30L);
        assertThat(mine).allSatisfy(v -> assertThat(v.getBalance().getAvailable())
                .as("the balance answered is the one just after that earn")
                .isEqualTo(v.getTransaction().getBalanceAfter()));
        assertThat(memberVersion(m)).as("enrol and three earns").isEqualTo(4);
        assertThat(db.queryForList(
                        "SELECT member_version FROM outbox_event WHERE member_id = ? ORDER BY member_version, id",
                        Long.class,
                        Long.parseLong(m)))
                .containsExactly(1L, 2L, 3L, 4L);
        assertThat(db.queryForObject(
                        "SELECT SUM(points) FROM points_month WHERE member_id = ?", Long.class, Long.parseLong(m)))
                .as("the monthly total moved once by the three earns' sum")
                .isEqualTo(30);
        assertThat(member(m).getPointsAvailable()).isEqualTo(30);
        assertThat(balance(other)).isEqualTo(5);
        assertLedgerConsistent(db, m);
        assertLedgerConsistent(db, other);
    }

    @Test
    void aRetriedEarnInABatchWrittenTogetherIsAnsweredFromItsStoredResultAndGrantsNothing() throws Exception {
        String m = newMember();
        String other = newMember();
        EarnRequest request = earnRequest(m, 25, uniqueKey());
        PointsWriteResponse first = points().earn(request);

        List<Outcome> outcomes = inOneBatch(List.of(() -> points().earn(request), () -> earn(other, 5)));

        assertThat(outcomes.get(0).error()).isNull();
        assertThat(outcomes.get(0).value()).isEqualTo(first);
        assertThat(outcomes.get(1).value().getBalance().getAvailable()).isEqualTo(5);
        assertThat(lines(m, "EARN")).isEqualTo(1);
        assertThat(balance(m)).isEqualTo(25);
        assertThat(memberVersion(m)).isEqualTo(2);
    }

    @Test
    void whileAWriterWritesAMemberItsNewRequestsWaitForItAndThenGoTogetherAsOneBatch() throws Exception {
        String hot = newMember();
        String other = newMember();
        earn(hot, 1_000);
        Await.until(() -> group.busyWriters() == 0 && group.pending() == 0);
        List<Future<PointsWriteResponse>> later = new ArrayList<>();
        Future<PointsWriteResponse> first;
        long committedBefore;
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            update(lock, "SELECT id FROM member WHERE id = ? FOR UPDATE", Long.parseLong(hot));
            first = pool.submit(() -> redeem(hot, 1));
            Await.until(() -> group.busyWriters() == 1 && group.pending() == 0);
            for (int i = 0; i < 5; i++) {
                later.add(pool.submit(() -> redeem(hot, 1)));
            }
            Await.until(() -> group.pending() == 5);
            // another member's request is taken by a free writer at once; the hot member's stay queued
            assertThat(earn(other, 3).getBalance().getAvailable()).isEqualTo(3);
            assertThat(group.pending()).isEqualTo(5);
            committedBefore = group.batchesCommitted();
            lock.commit();
        }
        assertThat(first.get(30, TimeUnit.SECONDS).getBalance().getAvailable()).isEqualTo(999);
        List<Long> balances = new ArrayList<>();
        for (Future<PointsWriteResponse> f : later) {
            balances.add(f.get(30, TimeUnit.SECONDS).getTransaction().getBalanceAfter());
        }
        assertThat(balances).containsExactlyInAnyOrder(998L, 997L, 996L, 995L, 994L);
        assertThat(group.batchesCommitted() - committedBefore)
                .as("the first redeem's batch, then the five queued behind it as one")
                .isEqualTo(2);
        assertLedgerConsistent(db, hot);
    }

    @Test
    void redeemsMeetingALotThatFellDueRunOneByOneSoTheExpiryIsRecordedFirst() throws Exception {
        String m = newMember();
        earn(m, 100);
        clock.advance(Duration.ofDays(366)); // past the standard program's 365 days
        earn(m, 50);
        long togetherBefore = group.writtenTogether();

        List<Outcome> outcomes = inOneBatch(List.of(() -> redeem(m, 30), () -> redeem(m, 30)));

        assertThat(group.writtenTogether() - togetherBefore)
                .as("only the held writers' earns were written together")
                .isEqualTo(group.writers());
        assertThat(outcomes).filteredOn(o -> o.error() == null).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.error() != null).singleElement().satisfies(o -> assertThat(
                        reason(o.error()))
                .isEqualTo("INSUFFICIENT_POINTS"));
        assertThat(lines(m, "EXPIRE")).isEqualTo(1);
        assertThat(balance(m)).isEqualTo(20);
        assertLedgerConsistent(db, m);
    }

    @Test
    void aBatchReadsAMembersLotsAsTheyAreOnceItHoldsTheLockNotAsTheyWereWhenItStarted() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assumeTrue(c.getMetaData().getDatabaseProductName().matches("(?i)mysql|mariadb"), "InnoDB lock waits");
        }
        String a = newMember();
        String b = newMember();
        if (Long.parseLong(a) > Long.parseLong(b)) {
            String t = a;
            a = b;
            b = t;
        }
        String first = a;
        String waited = b;
        List<Outcome> outcomes;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            // another writer holds b and grants it 100 points (a lot, its line, the balance)
            long id = Long.parseLong(waited);
            long now = clock.millis();
            update(other, "SELECT id FROM member WHERE id = ? FOR UPDATE", id);
            update(
                    other,
                    "INSERT INTO points_txn (id, member_id, txn_type, points, balance_after, reason, source, available_at,"
                            + " expires_at, created_at) VALUES (?, ?, 'EARN', 100, 100, 'other writer', 'test', ?, ?, ?)",
                    id * 10 + 7,
                    id,
                    now,
                    now + Duration.ofDays(30).toMillis(),
                    now);
            update(
                    other,
                    "INSERT INTO points_lot (id, member_id, earn_txn_id, amount, remaining, available_at, expires_at,"
                            + " created_at) VALUES (?, ?, ?, 100, 100, ?, ?, ?)",
                    id * 10 + 8,
                    id,
                    id * 10 + 7,
                    now,
                    now + Duration.ofDays(30).toMillis(),
                    now);
            update(other, "UPDATE member SET points_balance = 100, version = version + 1 WHERE id = ?", id);
            Future<List<Outcome>> batch =
                    pool.submit(() -> inOneBatch(List.of(() -> earn(first, 10), () -> earn(waited, 10))));
            Await.until(() -> lockingReadsOf(waited) > 0);
            other.commit();
            outcomes = batch.get(60, TimeUnit.SECONDS);
        }

        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
        assertThat(outcomes.get(1).value().getTransaction().getBalanceAfter()).isEqualTo(110);
        assertThat(outcomes.get(1).value().getBalance().getAvailable())
                .as("the lot committed while the batch waited for the member is in its balance")
                .isEqualTo(110);
        assertLedgerConsistent(db, waited);
    }

    private static void update(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            st.execute();
        }
    }

    @Test
    void theSameEarnTwiceInOneBatchGrantsOnceAndBothCallersGetTheStoredResult() throws Exception {
        String m = newMember();
        String other = newMember();
        EarnRequest request = earnRequest(m, 40, uniqueKey());

        List<Outcome> outcomes =
                inOneBatch(List.of(() -> points().earn(request), () -> points().earn(request), () -> earn(other, 5)));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
        assertThat(outcomes.get(0).value()).isEqualTo(outcomes.get(1).value());
        assertThat(lines(m, "EARN")).isEqualTo(1);
        assertThat(balance(m)).isEqualTo(40);
        assertThat(balance(other)).isEqualTo(5);
        assertLedgerConsistent(db, m);
    }

    @Test
    void theSameKeyForADifferentRequestInOneBatchIsAConflictAndTheOthersStand() throws Exception {
        String first = newMember();
        String second = newMember();
        String third = newMember();
        String key = uniqueKey();

        // the batch runs in member-id order: the first member's earn claims the key
        List<Outcome> outcomes = inOneBatch(List.of(
                () -> points().earn(earnRequest(second, 20, key)),
                () -> points().earn(earnRequest(first, 10, key)),
                () -> earn(third, 7)));

        assertThat(outcomes.get(1).error()).isNull();
        assertThat(outcomes.get(0).error().getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(outcomes.get(2).error()).isNull();
        assertThat(balance(first)).isEqualTo(10);
        assertThat(balance(second)).isZero();
        assertThat(balance(third)).isEqualTo(7);
    }

    @Test
    void aRefusedRedeemAndAnUnknownMemberFailAloneWhileTheRestOfTheirBatchCommits() throws Exception {
        String poor = newMember();
        String earner = newMember();
        String spender = newMember();
        earn(poor, 100);
        earn(spender, 100);
        String refusedKey = uniqueKey();

        List<Outcome> outcomes = inOneBatch(List.of(
                () -> redeem(poor, 500, refusedKey),
                () -> earn("999999999999999", 10),
                () -> earn(earner, 30),
                () -> redeem(spender, 60)));

        assertThat(outcomes.get(0).error().getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(reason(outcomes.get(0).error())).isEqualTo("INSUFFICIENT_POINTS");
        assertThat(outcomes.get(1).error().getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(outcomes.get(2).value().getBalance().getAvailable()).isEqualTo(30);
        assertThat(outcomes.get(3).value().getBalance().getAvailable()).isEqualTo(40);
        assertThat(balance(poor)).isEqualTo(100);
        assertThat(memberVersion(poor)).as("the refused redeem left no trace").isEqualTo(2);
        assertThat(events(poor)).containsExactly("member.enrolled", "points.earned");
        // the refusal took its key back with it: a retry is evaluated afresh
        earn(poor, 400);
        assertThat(redeem(poor, 500, refusedKey).getBalance().getAvailable()).isZero();
        for (String m : List.of(poor, earner, spender)) {
            assertLedgerConsistent(db, m);
        }
    }

    @Test
    void redeemsOfOneMemberInOneBatchNeverOverdrawAndKeepItsEventsInVersionOrder() throws Exception {
        String m = newMember();
        earn(m, 100);
        List<Callable<PointsWriteResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> redeem(m, 30));
        }

        List<Outcome> outcomes = inOneBatch(calls);

        List<Outcome> ok = outcomes.stream().filter(o -> o.error() == null).toList();
        List<Outcome> refused = outcomes.stream().filter(o -> o.error() != null).toList();
        assertThat(ok)
                .extracting(o -> o.value().getTransaction().getBalanceAfter())
                .containsExactlyInAnyOrder(70L, 40L, 10L);
        assertThat(refused).hasSize(5).allSatisfy(o -> assertThat(reason(o.error()))
                .isEqualTo("INSUFFICIENT_POINTS"));
        assertThat(balance(m)).isEqualTo(10);
        assertThat(member(m).getPointsAvailable()).isEqualTo(10);
        assertThat(db.queryForList(
                        "SELECT member_version FROM outbox_event WHERE member_id = ? ORDER BY member_version, id",
                        Long.class,
                        Long.parseLong(m)))
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertLedgerConsistent(db, m);
    }

    @Test
    void whenTheSharedTransactionFailsEveryRequestRunsAloneAndTakesEffectOnce() throws Exception {
        String a = newMember();
        String b = newMember();
        String c = newMember();
        long failedBefore = group.batchesFailed();
        faults.failNextBatchOfSize(3);

        List<Outcome> outcomes = inOneBatch(List.of(() -> earn(a, 11), () -> earn(b, 22), () -> earn(c, 33)));

        assertThat(group.batchesFailed() - failedBefore).isEqualTo(1);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
        assertThat(balance(a)).isEqualTo(11);
        assertThat(balance(b)).isEqualTo(22);
        assertThat(balance(c)).isEqualTo(33);
        for (String m : List.of(a, b, c)) {
            assertThat(lines(m, "EARN")).isEqualTo(1);
            assertThat(events(m)).containsExactly("member.enrolled", "points.earned");
            assertLedgerConsistent(db, m);
        }
    }

    /** Statements running now that lock the member's row (the driver sends parameters inline). */
    private int lockingReadsOf(String memberId) {
        return db.queryForObject(
                """
                SELECT COUNT(*) FROM information_schema.PROCESSLIST
                 WHERE ID <> CONNECTION_ID() AND INFO LIKE '%FROM member%FOR UPDATE%' AND INFO LIKE CONCAT('%', ?, '%')
                """,
                Integer.class, memberId);
    }

    /**
     * Runs the calls so that they form exactly one batch: every writer is held on a locked
     * member, the calls are queued, then the lock is released.
     */
    private List<Outcome> inOneBatch(List<Callable<PointsWriteResponse>> calls) throws Exception {
        assertThat(group.enabled()).isTrue();
        int writers = group.writers();
        List<String> held = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            held.add(newMember());
        }
        Await.until(() -> group.busyWriters() == 0 && group.pending() == 0);
        List<Future<PointsWriteResponse>> blockers = new ArrayList<>();
        List<Future<Outcome>> futures = new ArrayList<>();
        long committedBefore;
        long failedBefore;
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            for (String m : held) {
                try (PreparedStatement st = lock.prepareStatement("SELECT id FROM member WHERE id = ? FOR UPDATE")) {
                    st.setLong(1, Long.parseLong(m));
                    try (ResultSet rs = st.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                    }
                }
            }
            // one blocker at a time, so that each lands in a batch (and a writer) of its own
            for (int i = 0; i < writers; i++) {
                String m = held.get(i);
                blockers.add(pool.submit(() -> earn(m, 1)));
                int busy = i + 1;
                Await.until(() -> group.busyWriters() == busy && group.pending() == 0);
            }
            committedBefore = group.batchesCommitted();
            failedBefore = group.batchesFailed();
            for (Callable<PointsWriteResponse> call : calls) {
                futures.add(pool.submit(() -> {
                    try {
                        return new Outcome(call.call(), null);
                    } catch (StatusRuntimeException e) {
                        return new Outcome(null, e);
                    }
                }));
            }
            Await.until(() -> group.pending() == calls.size());
            lock.commit();
        }
        for (Future<PointsWriteResponse> b : blockers) {
            b.get(30, TimeUnit.SECONDS);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> f : futures) {
            try {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                throw new AssertionError("call failed outside gRPC", e.getCause());
            }
        }
        long batches = group.batchesCommitted() - committedBefore + group.batchesFailed() - failedBefore;
        assertThat(batches)
                .as("one batch per held writer, and one batch of every queued call")
                .isEqualTo(writers + 1L);
        return outcomes;
    }

    private static EarnRequest earnRequest(String memberId, long pts, String key) {
        return EarnRequest.newBuilder()
                .setIdempotencyKey(key)
                .setMemberId(memberId)
                .setPoints(pts)
                .setReason("group commit test")
                .setSource("test")
                .build();
    }

    private long balance(String m) {
        return db.queryForObject("SELECT points_balance FROM member WHERE id = ?", Long.class, Long.parseLong(m));
    }

    private long memberVersion(String m) {
        return db.queryForObject("SELECT version FROM member WHERE id = ?", Long.class, Long.parseLong(m));
    }

    private int lines(String m, String type) {
        return db.queryForObject(
                "SELECT COUNT(*) FROM points_txn WHERE member_id = ? AND txn_type = ?",
                Integer.class,
                Long.parseLong(m),
                type);
    }

    private List<String> events(String m) {
        return db.queryForList(
                "SELECT event_type FROM outbox_event WHERE member_id = ? ORDER BY member_version, id",
                String.class,
                Long.parseLong(m));
    }
}
