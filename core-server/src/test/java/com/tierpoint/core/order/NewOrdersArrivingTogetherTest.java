package com.tierpoint.core.order;

import static com.tierpoint.core.support.GrpcErrors.reason;
import static com.tierpoint.core.support.LedgerAssertions.assertLedgerConsistent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tierpoint.core.shared.application.GroupCommit;
import com.tierpoint.core.shared.infrastructure.IdGenerator;
import com.tierpoint.core.support.Await;
import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.core.support.TestServices;
import com.tierpoint.proto.v1.Member;
import com.tierpoint.proto.v1.OrderStatus;
import com.tierpoint.proto.v1.RecordOrderRequest;
import com.tierpoint.proto.v1.RecordOrderResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
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
 * First reports of orders arriving at the same moment (docs/adr/0016): whatever they lock on the
 * way to their order row must not stop each other from storing it. The overlap is made, not hoped
 * for: the test holds InnoDB's lock on the end of {@code growth_txn}, so every RecordOrder stops
 * at its growth line, after it has taken its lock on {@code member_order} and before it stores the
 * order's grants; the test waits until the database shows them all inside that insert, then lets
 * go. A gap lock on a missing order id, shared by every new id in that gap, turns that release
 * into a deadlock every time; a claimed row does not. Twelve members: each call holds one of the
 * pool's 16 connections while it waits, beside the test's own two.
 */
class NewOrdersArrivingTogetherTest extends CoreTestBase {

    private static final int MEMBERS = 12;
    private static final long AMOUNT_FEN = 10_000;

    @Autowired
    JdbcTemplate db;

    @Autowired
    DataSource dataSource;

    @Autowired
    IdGenerator ids;

    @Autowired
    GroupCommit group;

    private ExecutorService pool;

    @BeforeEach
    void startPool() {
        assumeTrue(TestServices.get().real, "needs InnoDB's locks; H2 has no gap locks to provoke");
        pool = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        if (pool != null) {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** What one call came back with. */
    private record Outcome(RecordOrderResponse value, StatusRuntimeException error) {}

    @Test
    void newOrdersOfManyMembersInTheSameGapAllCommitAndEachCountsOnce() throws Exception {
        assertThat(group.enabled()).as("group commit on, as in production").isTrue();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(newMember());
        }
        // one prefix no stored order id starts with: all the new ids share one gap of the key
        String prefix = "SO" + uniqueKey().replace("-", "").substring(0, 16) + "-";
        List<Future<Outcome>> calls = new ArrayList<>();

        try (GrowthLinesHeld held = GrowthLinesHeld.hold(dataSource, ids.nextId())) {
            for (int i = 0; i < MEMBERS; i++) {
                String m = members.get(i);
                String order = prefix + String.format("%03d", i);
                calls.add(pool.submit(() -> call(paid(m, order))));
            }
            Await.until(() -> inserting("growth_txn") == MEMBERS);
        }
        List<Outcome> outcomes = outcomes(calls);

        assertThat(outcomes)
                .as("no call was a deadlock victim (ABORTED) or failed otherwise")
                .allSatisfy(o -> assertThat(o.error()).isNull());
        for (int i = 0; i < MEMBERS; i++) {
            String m = members.get(i);
            String order = prefix + String.format("%03d", i);
            assertThat(outcomes.get(i).value().getPointsGranted()).isEqualTo(100);
            Member after = member(m);
            assertThat(after.getPointsAvailable()).isEqualTo(100);
            assertThat(after.getGrowthValue()).isEqualTo(100);
            assertThat(after.getTotalSpendFen()).isEqualTo(AMOUNT_FEN);
            assertThat(after.getOrderCount()).isEqualTo(1);
            assertThat(db.queryForObject("SELECT member_id FROM member_order WHERE order_id = ?", Long.class, order))
                    .isEqualTo(Long.parseLong(m));
            assertLedgerConsistent(db, m);
        }
        assertThat(db.queryForObject(
                        "SELECT COUNT(*) FROM member_order WHERE order_id LIKE ? AND status = 'PAID'",
                        Integer.class,
                        prefix + "%"))
                .isEqualTo(MEMBERS);

        // reported again, all at once, with new keys: nothing counts twice
        List<Future<Outcome>> again = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            String m = members.get(i);
            String order = prefix + String.format("%03d", i);
            again.add(pool.submit(() -> call(paid(m, order))));
        }
        assertThat(outcomes(again)).allSatisfy(o -> assertThat(o.error()).isNull());
        for (String m : members) {
            Member after = member(m);
            assertThat(after.getPointsAvailable()).isEqualTo(100);
            assertThat(after.getOrderCount()).isEqualTo(1);
        }
    }

    @Test
    void oneNewOrderIdReportedForTwoMembersAtOnceIsRecordedForTheFirstAndRefusedForTheOther() throws Exception {
        String owner = newMember();
        String other = newMember();
        String order = "SO" + uniqueKey().replace("-", "").substring(0, 20);
        Future<Outcome> first;
        Future<Outcome> second;

        try (GrowthLinesHeld held = GrowthLinesHeld.hold(dataSource, ids.nextId())) {
            first = pool.submit(() -> call(paid(owner, order)));
            Await.until(() -> inserting("growth_txn") == 1);
            second = pool.submit(() -> call(paid(other, order)));
            Await.until(() -> inserting("growth_txn") + inserting("member_order") == 2);
        }

        Outcome recorded = first.get(30, TimeUnit.SECONDS);
        Outcome refused = second.get(30, TimeUnit.SECONDS);
        assertThat(recorded.error()).isNull();
        assertThat(recorded.value().getMemberId()).isEqualTo(owner);
        assertThat(refused.error())
                .as("refused as any later report of another member's order, not a deadlock victim")
                .isNotNull();
        assertThat(refused.error().getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(reason(refused.error())).isEqualTo("ORDER_OF_ANOTHER_MEMBER");
        assertThat(member(owner).getOrderCount()).isEqualTo(1);
        Member intruder = member(other);
        assertThat(intruder.getOrderCount()).isZero();
        assertThat(intruder.getPointsAvailable()).isZero();
        assertThat(intruder.getGrowthValue()).isZero();
        assertLedgerConsistent(db, owner);
        assertLedgerConsistent(db, other);
    }

    /**
     * Holds a locking read of every {@code growth_txn} id above {@code bound}: InnoDB locks the
     * gap up to the end of the index, so each growth line inserted meanwhile (ids only grow)
     * waits until {@link #close()}.
     */
    private record GrowthLinesHeld(Connection connection) implements AutoCloseable {

        static GrowthLinesHeld hold(DataSource dataSource, long bound) throws Exception {
            Connection c = dataSource.getConnection();
            c.setAutoCommit(false);
            // the pool reads committed (ADR 0019), which takes no gap locks: this device needs one
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (PreparedStatement st = c.prepareStatement("SELECT id FROM growth_txn WHERE id > ? FOR UPDATE")) {
                st.setLong(1, bound);
                st.executeQuery().close();
            }
            return new GrowthLinesHeld(c);
        }

        @Override
        public void close() throws Exception {
            try (connection) {
                connection.commit();
            }
        }
    }

    /**
     * Connections of this test database in the middle of an insert into {@code table}. While the
     * growth lines are held, such an insert cannot finish (and neither can a claim of an order row
     * that a held transaction has inserted), so a count reached stays reached until release.
     */
    private int inserting(String table) {
        return db.queryForObject(
                """
                SELECT COUNT(*) FROM information_schema.PROCESSLIST
                 WHERE DB = DATABASE() AND COMMAND = 'Query' AND INFO LIKE ?
                """,
                Integer.class,
                "INSERT INTO " + table + "%");
    }

    private static RecordOrderRequest paid(String memberId, String orderId) {
        return RecordOrderRequest.newBuilder()
                .setIdempotencyKey(uniqueKey())
                .setOrderId(orderId)
                .setMemberId(memberId)
                .setAmountFen(AMOUNT_FEN)
                .setStatus(OrderStatus.PAID)
                .build();
    }

    private static Outcome call(RecordOrderRequest request) {
        try {
            return new Outcome(orders().recordOrder(request), null);
        } catch (StatusRuntimeException e) {
            return new Outcome(null, e);
        }
    }

    private static List<Outcome> outcomes(List<Future<Outcome>> calls) throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> f : calls) {
            try {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                throw new AssertionError("call failed outside gRPC", e.getCause());
            }
        }
        return outcomes;
    }
}
