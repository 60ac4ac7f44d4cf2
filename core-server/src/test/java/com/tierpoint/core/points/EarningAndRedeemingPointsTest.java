package com.tierpoint.core.points;

import static com.tierpoint.core.support.GrpcErrors.fields;
import static com.tierpoint.core.support.GrpcErrors.reason;
import static com.tierpoint.core.support.LedgerAssertions.assertLedgerConsistent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.proto.v1.EarnRequest;
import com.tierpoint.proto.v1.GetBalanceRequest;
import com.tierpoint.proto.v1.ListTransactionsRequest;
import com.tierpoint.proto.v1.ListTransactionsResponse;
import com.tierpoint.proto.v1.PointsTransaction;
import com.tierpoint.proto.v1.PointsWriteResponse;
import com.tierpoint.proto.v1.TransactionType;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class EarningAndRedeemingPointsTest extends CoreTestBase {

    @Autowired
    JdbcTemplate db;

    @Test
    void earnedPointsAreAvailableAtOnceAndExpireAfterTheProgramsDays() {
        String m = newMember();

        PointsWriteResponse r = earn(m, 300);

        assertThat(r.getTransaction().getType()).isEqualTo(TransactionType.EARN);
        assertThat(r.getTransaction().getBalanceAfter()).isEqualTo(300);
        assertThat(r.getBalance().getAvailable()).isEqualTo(300);
        assertThat(r.getBalance().getExpiringSoonest(0).getPoints()).isEqualTo(300);
        assertThat(r.getTransaction().getExpiresAt().getSeconds())
                .isEqualTo(T0.plus(Duration.ofDays(365)).getEpochSecond());
        assertLedgerConsistent(db, m);
    }

    @Test
    void redeemDrawsFromTheSoonestExpiringLotFirstAndRecordsTheLots() {
        String m = newMember();
        String first = earn(m, 100).getTransaction().getTransactionId();
        clock.advance(Duration.ofDays(10));
        earn(m, 100);

        PointsTransaction redeem = redeem(m, 150, uniqueKey()).getTransaction();

        assertThat(redeem.getPoints()).isEqualTo(-150);
        assertThat(redeem.getLotsList()).hasSize(2);
        assertThat(redeem.getLots(0).getPoints()).isEqualTo(100);
        assertThat(redeem.getLots(0).getLotExpiresAt().getSeconds())
                .isLessThan(redeem.getLots(1).getLotExpiresAt().getSeconds());
        assertThat(redeem.getLots(1).getPoints()).isEqualTo(50);
        assertThat(points().getBalance(
                                GetBalanceRequest.newBuilder().setMemberId(m).build())
                        .getAvailable())
                .isEqualTo(50);
        assertThat(first).isNotEmpty();
        assertLedgerConsistent(db, m);
    }

    @Test
    void redeemingMoreThanAvailableIsRefusedAndChangesNothing() {
        String m = newMember();
        earn(m, 100);
        int linesBefore = lines(m);

        assertThatThrownBy(() -> redeem(m, 101, uniqueKey()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                    assertThat(reason(e)).isEqualTo("INSUFFICIENT_POINTS");
                });

        assertThat(lines(m)).isEqualTo(linesBefore);
        assertThat(points().getBalance(
                                GetBalanceRequest.newBuilder().setMemberId(m).build())
                        .getAvailable())
                .isEqualTo(100);
        assertLedgerConsistent(db, m);
    }

    @Test
    void retryingAnEarnWithTheSameKeyReturnsTheStoredResultAndGrantsOnce() {
        String m = newMember();
        EarnRequest request = EarnRequest.newBuilder()
                .setIdempotencyKey(uniqueKey())
                .setMemberId(m)
                .setPoints(70)
                .setReason("问卷奖励")
                .build();

        PointsWriteResponse first = points().earn(request);
        PointsWriteResponse again = points().earn(request);

        assertThat(again).isEqualTo(first);
        assertThat(lines(m)).isEqualTo(1);
        assertThat(points().getBalance(
                                GetBalanceRequest.newBuilder().setMemberId(m).build())
                        .getAvailable())
                .isEqualTo(70);
    }

    @Test
    void reusingAKeyForADifferentRequestIsAConflictWithNoEffect() {
        String m = newMember();
        String key = uniqueKey();
        points().earn(EarnRequest.newBuilder()
                .setIdempotencyKey(key)
                .setMemberId(m)
                .setPoints(10)
                .setReason("a")
                .build());

        assertThatThrownBy(() -> points().earn(EarnRequest.newBuilder()
                        .setIdempotencyKey(key)
                        .setMemberId(m)
                        .setPoints(99)
                        .setReason("a")
                        .build()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS));
        assertThatThrownBy(() -> redeem(m, 10, key))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS));

        assertThat(lines(m)).isEqualTo(1);
        assertLedgerConsistent(db, m);
    }

    @Test
    void badInputIsInvalidArgumentNamingEachFieldAndChangesNothing() {
        String m = newMember();

        assertThatThrownBy(() -> points().earn(EarnRequest.newBuilder()
                        .setIdempotencyKey("")
                        .setMemberId(m)
                        .setPoints(-5)
                        .setReason("")
                        .build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(fields(e)).containsExactlyInAnyOrder("idempotency_key", "points", "reason");
                });
        assertThatThrownBy(() -> points().earn(EarnRequest.newBuilder()
                        .setIdempotencyKey(uniqueKey())
                        .setMemberId("12a")
                        .setPoints(1)
                        .setReason("r")
                        .build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(fields(e)).containsExactly("member_id");
                });

        assertThat(lines(m)).isZero();
    }

    @Test
    void anUnknownMemberIsNotFound() {
        assertThatThrownBy(() -> earn("999999999", 10))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void lotsPastTheirExpiryAreExpiredLotExactlyBeforeARedeemAndCannotBeSpent() {
        String m = newMember();
        earn(m, 100);
        clock.advance(Duration.ofDays(200));
        earn(m, 40);
        clock.advance(Duration.ofDays(170)); // the first lot is now 370 days old

        assertThatThrownBy(() -> redeem(m, 100, uniqueKey()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class, e -> assertThat(reason(e)).isEqualTo("INSUFFICIENT_POINTS"));
        assertThat(points().getBalance(
                                GetBalanceRequest.newBuilder().setMemberId(m).build())
                        .getAvailable())
                .isEqualTo(40);

        redeem(m, 30, uniqueKey());

        ListTransactionsResponse history = points().listTransactions(
                        ListTransactionsRequest.newBuilder().setMemberId(m).build());
        assertThat(history.getTransactionsList())
                .extracting(PointsTransaction::getType)
                .containsExactly(
                        TransactionType.REDEEM, TransactionType.EXPIRE, TransactionType.EARN, TransactionType.EARN);
        PointsTransaction expired = history.getTransactions(1);
        assertThat(expired.getPoints()).isEqualTo(-100);
        assertThat(expired.getLotsList()).hasSize(1);
        assertLedgerConsistent(db, m);
    }

    @Test
    void historyIsNewestFirstAndPagesWithoutGapsOrRepeats() {
        String m = newMember();
        for (int i = 1; i <= 5; i++) {
            earn(m, i);
        }

        ListTransactionsResponse page1 = points().listTransactions(ListTransactionsRequest.newBuilder()
                .setMemberId(m)
                .setPageSize(2)
                .build());
        ListTransactionsResponse page2 = points().listTransactions(ListTransactionsRequest.newBuilder()
                .setMemberId(m)
                .setPageSize(2)
                .setPageToken(page1.getNextPageToken())
                .build());
        ListTransactionsResponse page3 = points().listTransactions(ListTransactionsRequest.newBuilder()
                .setMemberId(m)
                .setPageSize(2)
                .setPageToken(page2.getNextPageToken())
                .build());

        assertThat(page1.getTransactionsList())
                .extracting(PointsTransaction::getPoints)
                .containsExactly(5L, 4L);
        assertThat(page2.getTransactionsList())
                .extracting(PointsTransaction::getPoints)
                .containsExactly(3L, 2L);
        assertThat(page3.getTransactionsList())
                .extracting(PointsTransaction::getPoints)
                .containsExactly(1L);
        assertThat(page3.getNextPageToken()).isEmpty();
        assertThat(page1.getTransactions(0).getReason()).isEqualTo("test grant");
    }

    private int lines(String m) {
        return db.queryForObject(
                "SELECT COUNT(*) FROM points_txn WHERE member_id = ?", Integer.class, Long.parseLong(m));
    }
}
