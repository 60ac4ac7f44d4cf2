package com.tierpoint.core.order;

import static com.tierpoint.core.support.GrpcErrors.fields;
import static com.tierpoint.core.support.GrpcErrors.reason;
import static com.tierpoint.core.support.LedgerAssertions.assertLedgerConsistent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Timestamp;
import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.core.support.TestPrograms;
import com.tierpoint.proto.v1.Balance;
import com.tierpoint.proto.v1.GetBalanceRequest;
import com.tierpoint.proto.v1.ListTransactionsRequest;
import com.tierpoint.proto.v1.Member;
import com.tierpoint.proto.v1.OrderStatus;
import com.tierpoint.proto.v1.PointsTransaction;
import com.tierpoint.proto.v1.PointsWriteResponse;
import com.tierpoint.proto.v1.RecordOrderRequest;
import com.tierpoint.proto.v1.RecordOrderResponse;
import com.tierpoint.proto.v1.TransactionType;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class RecordingOrdersTest extends CoreTestBase {

    @Autowired
    JdbcTemplate db;

    @Test
    void aPaidOrderGrantsPointsTimesTheTierMultiplierAndGrowthSpendAndOrderCount() {
        String m = newMember();
        RecordOrderResponse first = paid(m, orderId(), 100_000);
        assertThat(first.getPointsGranted()).isEqualTo(1_000);
        assertThat(first.getGrowthGranted()).isEqualTo(1_000);
        assertThat(first.getTier().getCode()).isEqualTo("SILVER");

        String second = orderId();
        RecordOrderResponse r = paid(m, second, 50_000);

        assertThat(r.getOrderId()).isEqualTo(second);
        assertThat(r.getMemberId()).isEqualTo(m);
        assertThat(r.getStatus()).isEqualTo(OrderStatus.PAID);
        assertThat(r.getPointsGranted())
                .as("¥500 at 1 point per yuan x1.2 for SILVER")
                .isEqualTo(600);
        assertThat(r.getPointsPending()).isZero();
        assertThat(r.getGrowthGranted())
                .as("growth is not multiplied by the tier")
                .isEqualTo(500);
        assertThat(r.getPointsReversed()).isZero();
        assertThat(r.getPointsUnrecovered()).isZero();
        assertThat(r.getTier().getCode()).isEqualTo("SILVER");
        assertThat(r.getTierUpgraded()).isFalse();

        PointsTransaction earnLine = points().listTransactions(
                        ListTransactionsRequest.newBuilder().setMemberId(m).build())
                .getTransactions(0);
        assertThat(earnLine.getType()).isEqualTo(TransactionType.EARN);
        assertThat(earnLine.getPoints()).isEqualTo(600);
        assertThat(earnLine.getOrderId()).isEqualTo(second);
        assertThat(earnLine.getReason()).contains("银卡会员").contains("x1.2");

        Member after = member(m);
        assertThat(after.getPointsAvailable()).isEqualTo(1_600);
        assertThat(after.getGrowthValue()).isEqualTo(1_500);
        assertThat(after.getTotalSpendFen()).isEqualTo(150_000);
        assertThat(after.getOrderCount()).isEqualTo(2);
        assertLedgerConsistent(db, m);
    }

    @Test
    void anEntryTierMemberEarnsAtTimesOneWithAPlainReason() {
        String m = newMember();
        String order = orderId();

        RecordOrderResponse r = paid(m, order, 12_399);

        assertThat(r.getPointsGranted()).as("123.99 points round down").isEqualTo(123);
        assertThat(r.getGrowthGranted()).isEqualTo(123);
        assertThat(r.getTier().getCode()).isEqualTo("MEMBER");
        PointsTransaction earnLine = points().listTransactions(
                        ListTransactionsRequest.newBuilder().setMemberId(m).build())
                .getTransactions(0);
        assertThat(earnLine.getReason()).isEqualTo("订单消费");
        assertThat(earnLine.getOrderId()).isEqualTo(order);
    }

    @Test
    void reportingTheSamePaidOrderAgainWithANewKeyCountsNothingTwice() {
        String m = newMember();
        String order = orderId();
        RecordOrderResponse first = paid(m, order, 20_000);
        Member before = member(m);

        RecordOrderResponse again = paid(m, order, 20_000);
        RecordOrderResponse completed = record(m, order, 20_000, 0, OrderStatus.COMPLETED);

        assertThat(again.getPointsGranted()).isEqualTo(first.getPointsGranted()).isEqualTo(200);
        assertThat(again.getGrowthGranted()).isEqualTo(200);
        assertThat(again.getPointsReversed()).isZero();
        assertThat(again.getTierUpgraded()).isFalse();
        assertThat(completed.getStatus()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(completed.getPointsGranted()).isEqualTo(200);
        Member after = member(m);
        assertThat(after.getPointsAvailable())
                .isEqualTo(before.getPointsAvailable())
                .isEqualTo(200);
        assertThat(after.getGrowthValue()).isEqualTo(200);
        assertThat(after.getTotalSpendFen()).isEqualTo(20_000);
        assertThat(after.getOrderCount()).isEqualTo(1);
        assertThat(earnLines(m)).isEqualTo(1);
        assertLedgerConsistent(db, m);
    }

    @Test
    void aPartialRefundReversesPointsAndGrowthInProportionAndAFullRefundTheRest() {
        String m = newMember();
        String order = orderId();
        paid(m, order, 12_345);

        RecordOrderResponse partial = record(m, order, 12_345, 5_000, OrderStatus.PARTIALLY_REFUNDED);

        // kept 7,345 of 12,345 fen: floor(123 * 7345 / 12345) = 73 of the 123 points and growth stay
        assertThat(partial.getStatus()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(partial.getPointsReversed()).isEqualTo(50);
        assertThat(partial.getPointsGranted()).isEqualTo(73);
        assertThat(partial.getGrowthGranted()).isEqualTo(73);
        assertThat(partial.getPointsUnrecovered()).isZero();
        Member mid = member(m);
        assertThat(mid.getPointsAvailable()).isEqualTo(73);
        assertThat(mid.getGrowthValue()).isEqualTo(73);
        assertThat(mid.getTotalSpendFen()).isEqualTo(7_345);
        assertThat(mid.getOrderCount()).isEqualTo(1);

        RecordOrderResponse again = record(m, order, 12_345, 5_000, OrderStatus.PARTIALLY_REFUNDED);
        assertThat(again.getPointsReversed())
                .as("the same cumulative refund takes nothing more")
                .isZero();
        assertThat(again.getPointsGranted()).isEqualTo(73);

        RecordOrderResponse full = record(m, order, 12_345, 0, OrderStatus.REFUNDED);

        assertThat(full.getStatus()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(full.getPointsReversed()).isEqualTo(73);
        assertThat(full.getPointsGranted()).isZero();
        assertThat(full.getGrowthGranted()).isZero();
        assertThat(full.getPointsUnrecovered()).isZero();
        Member after = member(m);
        assertThat(after.getPointsAvailable()).isZero();
        assertThat(after.getGrowthValue()).isZero();
        assertThat(after.getTotalSpendFen()).isZero();
        assertThat(after.getOrderCount()).isZero();

        List<PointsTransaction> history = points().listTransactions(
                        ListTransactionsRequest.newBuilder().setMemberId(m).build())
                .getTransactionsList();
        assertThat(history)
                .extracting(PointsTransaction::getType)
                .containsExactly(TransactionType.REVERSE, TransactionType.REVERSE, TransactionType.EARN);
        assertThat(history).extracting(PointsTransaction::getPoints).containsExactly(-73L, -50L, 123L);
        assertThat(history.get(0).getReversedTransactionId())
                .isEqualTo(history.get(2).getTransactionId());
        assertLedgerConsistent(db, m);
    }

    @Test
    void aRefundAfterThePointsWereSpentReportsTheUnrecoveredPointsAndNeverOverdraws() {
        String m = newMember();
        String order = orderId();
        paid(m, order, 10_000);
        redeem(m, 80);

        RecordOrderResponse r = record(m, order, 10_000, 0, OrderStatus.REFUNDED);

        assertThat(r.getPointsReversed()).isEqualTo(20);
        assertThat(r.getPointsUnrecovered()).isEqualTo(80);
        assertThat(r.getPointsGranted()).isZero();
        assertThat(r.getGrowthGranted()).isZero();
        Balance balance = balance(m);
        assertThat(balance.getAvailable()).isZero();
        assertThat(balance.getPending()).isZero();
        Member after = member(m);
        assertThat(after.getGrowthValue()).isZero();
        assertThat(after.getOrderCount()).isZero();
        assertThat(after.getTotalSpendFen()).isZero();
        assertLedgerConsistent(db, m);
    }

    @Test
    void aRefundTakesBackFromTheMembersOtherPointsWhenTheOrdersOwnWereSpent() {
        String m = newMember();
        String order = orderId();
        paid(m, order, 10_000);
        redeem(m, 100);
        earn(m, 30);

        RecordOrderResponse r = record(m, order, 10_000, 4_000, OrderStatus.PARTIALLY_REFUNDED);

        assertThat(r.getPointsReversed()).isEqualTo(30);
        assertThat(r.getPointsUnrecovered()).isEqualTo(10);
        assertThat(r.getPointsGranted()).isEqualTo(60);
        assertThat(balance(m).getAvailable()).isZero();
        assertLedgerConsistent(db, m);
    }

    @Test
    void aRefundOfAnOrderNeverReportedPaidIsRefusedAndChangesNothing() {
        String m = newMember();
        Member before = member(m);
        String order = orderId();

        assertThatThrownBy(() -> record(m, order, 10_000, 0, OrderStatus.REFUNDED))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                    assertThat(reason(e)).isEqualTo("ORDER_NOT_PAID");
                });
        assertThatThrownBy(() -> record(m, order, 10_000, 3_000, OrderStatus.PARTIALLY_REFUNDED))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class, e -> assertThat(reason(e)).isEqualTo("ORDER_NOT_PAID"));

        Member after = member(m);
        assertThat(after.getVersion()).isEqualTo(before.getVersion());
        assertThat(after.getOrderCount()).isZero();
        assertThat(after.getGrowthValue()).isZero();
        assertThat(after.getTotalSpendFen()).isZero();
        assertThat(after.getPointsAvailable()).isZero();
        assertThat(orderRows(order)).isZero();

        assertThat(paid(m, order, 10_000).getPointsGranted())
                .as("the order can still be reported PAID")
                .isEqualTo(100);
    }

    @Test
    void aDifferentAmountForAnExistingOrderIsInvalidArgumentNamingAmountFen() {
        String m = newMember();
        String order = orderId();
        paid(m, order, 10_000);

        assertThatThrownBy(() -> record(m, order, 9_000, 1_000, OrderStatus.PARTIALLY_REFUNDED))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(fields(e)).containsExactly("amount_fen");
                });

        Member after = member(m);
        assertThat(after.getPointsAvailable()).isEqualTo(100);
        assertThat(after.getTotalSpendFen()).isEqualTo(10_000);
        assertThat(after.getGrowthValue()).isEqualTo(100);
        assertLedgerConsistent(db, m);
    }

    @Test
    void anOrderOfAnotherMemberIsRefusedAndChangesNeitherMember() {
        String owner = newMember();
        String other = newMember();
        String order = orderId();
        paid(owner, order, 10_000);

        assertThatThrownBy(() -> paid(other, order, 10_000)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            assertThat(reason(e)).isEqualTo("ORDER_OF_ANOTHER_MEMBER");
        });
        assertThatThrownBy(() -> record(other, order, 10_000, 0, OrderStatus.REFUNDED))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class, e -> assertThat(reason(e)).isEqualTo("ORDER_OF_ANOTHER_MEMBER"));

        Member intruder = member(other);
        assertThat(intruder.getOrderCount()).isZero();
        assertThat(intruder.getPointsAvailable()).isZero();
        assertThat(intruder.getGrowthValue()).isZero();
        Member ownerNow = member(owner);
        assertThat(ownerNow.getOrderCount()).isEqualTo(1);
        assertThat(ownerNow.getPointsAvailable()).isEqualTo(100);
        assertThat(ownerNow.getTotalSpendFen()).isEqualTo(10_000);
    }

    @Test
    void insideTheRefundWindowOrderPointsArePendingAndBecomeAvailableOnceItPasses() {
        useProgram(TestPrograms.standard().toBuilder().setRefundWindowDays(7).build());
        String m = newMember();

        RecordOrderResponse r = paid(m, orderId(), 10_000);

        Instant availableAt = T0.plus(Duration.ofDays(7));
        assertThat(r.getPointsGranted()).isEqualTo(100);
        assertThat(r.getPointsPending()).isEqualTo(100);
        assertThat(r.getPointsAvailableAt()).isEqualTo(ts(availableAt));
        Balance pending = balance(m);
        assertThat(pending.getPending()).isEqualTo(100);
        assertThat(pending.getAvailable()).isZero();
        Member member = member(m);
        assertThat(member.getPointsPending()).isEqualTo(100);
        assertThat(member.getPointsAvailable()).isZero();
        assertThat(member.getGrowthValue()).as("growth is not held back").isEqualTo(100);
        assertThatThrownBy(() -> redeem(m, 1)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            assertThat(reason(e)).isEqualTo("INSUFFICIENT_POINTS");
        });

        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(balance(m).getPending()).isEqualTo(100);

        clock.advance(Duration.ofSeconds(2));
        Balance available = balance(m);
        assertThat(available.getAvailable()).isEqualTo(100);
        assertThat(available.getPending()).isZero();
        Member later = member(m);
        assertThat(later.getPointsAvailable()).isEqualTo(100);
        assertThat(later.getPointsPending()).isZero();
        PointsWriteResponse spent = redeem(m, 100);
        assertThat(spent.getBalance().getAvailable()).isZero();
        assertLedgerConsistent(db, m);
    }

    @Test
    void aRefundInsideTheRefundWindowTakesBackThePendingPointsWithNothingUnrecovered() {
        useProgram(TestPrograms.standard().toBuilder().setRefundWindowDays(7).build());
        String m = newMember();
        String order = orderId();
        paid(m, order, 10_000);
        clock.advance(Duration.ofDays(2));

        RecordOrderResponse r = record(m, order, 10_000, 2_500, OrderStatus.PARTIALLY_REFUNDED);

        assertThat(r.getPointsReversed()).isEqualTo(25);
        assertThat(r.getPointsUnrecovered()).isZero();
        assertThat(r.getPointsGranted()).isEqualTo(75);
        assertThat(r.getPointsPending()).isEqualTo(75);
        Balance b = balance(m);
        assertThat(b.getPending()).isEqualTo(75);
        assertThat(b.getAvailable()).isZero();
        assertLedgerConsistent(db, m);
    }

    @Test
    void badInputIsInvalidArgumentNamingTheFieldsAndChangesNothing() {
        String m = newMember();

        assertThatThrownBy(() ->
                        orders().recordOrder(request(m, orderId(), 10_000, 0, OrderStatus.ORDER_STATUS_UNSPECIFIED)))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(fields(e)).containsExactly("status");
                });
        assertThatThrownBy(() -> record(m, orderId(), 10_000, 10_001, OrderStatus.REFUNDED))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(fields(e)).containsExactly("refunded_fen");
                });
        assertThatThrownBy(() -> record(m, "", 10_000, 0, OrderStatus.PAID))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(fields(e)).containsExactly("order_id");
                });
        assertThatThrownBy(() -> orders().recordOrder(request(m, orderId(), 0, 0, OrderStatus.PAID).toBuilder()
                        .setIdempotencyKey("")
                        .setMemberId("")
                        .build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(fields(e)).contains("idempotency_key", "member_id", "amount_fen");
                });

        Member after = member(m);
        assertThat(after.getOrderCount()).isZero();
        assertThat(after.getPointsAvailable()).isZero();
        assertThat(after.getGrowthValue()).isZero();
    }

    private RecordOrderResponse paid(String memberId, String orderId, long amountFen) {
        return record(memberId, orderId, amountFen, 0, OrderStatus.PAID);
    }

    private RecordOrderResponse record(
            String memberId, String orderId, long amountFen, long refundedFen, OrderStatus status) {
        return orders().recordOrder(request(memberId, orderId, amountFen, refundedFen, status));
    }

    private RecordOrderRequest request(
            String memberId, String orderId, long amountFen, long refundedFen, OrderStatus status) {
        return RecordOrderRequest.newBuilder()
                .setIdempotencyKey(uniqueKey())
                .setOrderId(orderId)
                .setMemberId(memberId)
                .setAmountFen(amountFen)
                .setRefundedFen(refundedFen)
                .setStatus(status)
                .setOccurredAt(ts(clock.instant()))
                .build();
    }

    private static Balance balance(String memberId) {
        return points().getBalance(
                        GetBalanceRequest.newBuilder().setMemberId(memberId).build());
    }

    private static String orderId() {
        return "SO" + uniqueKey().replace("-", "").substring(0, 20);
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder()
                .setSeconds(i.getEpochSecond())
                .setNanos(i.getNano())
                .build();
    }

    private int earnLines(String memberId) {
        return db.queryForObject(
                "SELECT COUNT(*) FROM points_txn WHERE member_id = ? AND txn_type = 'EARN'",
                Integer.class,
                Long.parseLong(memberId));
    }

    private int orderRows(String orderId) {
        return db.queryForObject("SELECT COUNT(*) FROM member_order WHERE order_id = ?", Integer.class, orderId);
    }
}
