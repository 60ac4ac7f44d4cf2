package com.tierpoint.core.points;

import static com.tierpoint.core.support.GrpcErrors.fields;
import static com.tierpoint.core.support.GrpcErrors.reason;
import static com.tierpoint.core.support.LedgerAssertions.assertLedgerConsistent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.proto.v1.GetBalanceRequest;
import com.tierpoint.proto.v1.ListTransactionsRequest;
import com.tierpoint.proto.v1.PointsTransaction;
import com.tierpoint.proto.v1.PointsWriteResponse;
import com.tierpoint.proto.v1.ReverseRequest;
import com.tierpoint.proto.v1.TransactionType;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ReversingPointsTest extends CoreTestBase {

    @Autowired
    JdbcTemplate db;

    @Test
    void reversingARedeemReturnsThePointsToTheLotsItDrewFrom() {
        String m = newMember();
        earn(m, 100);
        clock.advance(Duration.ofDays(1));
        earn(m, 100);
        PointsTransaction redeem = redeem(m, 150).getTransaction();

        PointsWriteResponse r = reverse(m, redeem.getTransactionId(), 0);

        assertThat(r.getTransaction().getType()).isEqualTo(TransactionType.REVERSE);
        assertThat(r.getTransaction().getPoints()).isEqualTo(150);
        assertThat(r.getTransaction().getReversedTransactionId()).isEqualTo(redeem.getTransactionId());
        assertThat(r.getTransaction().getLotsList())
                .extracting(l -> l.getLotId() + ":" + l.getPoints())
                .containsExactlyInAnyOrderElementsOf(redeem.getLotsList().stream()
                        .map(l -> l.getLotId() + ":" + l.getPoints())
                        .toList());
        assertThat(r.getBalance().getAvailable()).isEqualTo(200);
        assertLedgerConsistent(db, m);
    }

    @Test
    void aPartlyReversedRedeemCanOnlyBeReversedUpToWhatIsLeft() {
        String m = newMember();
        earn(m, 100);
        String redeemId = redeem(m, 80).getTransaction().getTransactionId();

        reverse(m, redeemId, 30);
        assertThatThrownBy(() -> reverse(m, redeemId, 51)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(fields(e)).containsExactly("points");
        });
        PointsWriteResponse rest = reverse(m, redeemId, 0);

        assertThat(rest.getTransaction().getPoints()).isEqualTo(50);
        assertThat(rest.getBalance().getAvailable()).isEqualTo(100);
        assertThatThrownBy(() -> reverse(m, redeemId, 0))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class, e -> assertThat(reason(e)).isEqualTo("ALREADY_REVERSED"));
        assertLedgerConsistent(db, m);
    }

    @Test
    void reversingAnEarnTakesFromItsOwnLotAndRefusesWhenThePointsWereSpent() {
        String m = newMember();
        String earnId = earn(m, 100).getTransaction().getTransactionId();

        PointsWriteResponse partial = reverse(m, earnId, 40);
        assertThat(partial.getTransaction().getPoints()).isEqualTo(-40);
        assertThat(partial.getBalance().getAvailable()).isEqualTo(60);

        redeem(m, 50);
        assertThatThrownBy(() -> reverse(m, earnId, 60)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            assertThat(reason(e)).isEqualTo("INSUFFICIENT_POINTS");
        });
        assertThat(balance(m)).isEqualTo(10);
        assertLedgerConsistent(db, m);
    }

    @Test
    void pointsReturnedToALotThatExpiredMeanwhileExpireAgainAtOnce() {
        String m = newMember();
        earn(m, 100);
        String redeemId = redeem(m, 100).getTransaction().getTransactionId();
        clock.advance(Duration.ofDays(366));

        PointsWriteResponse r = reverse(m, redeemId, 0);

        assertThat(r.getBalance().getAvailable()).isZero();
        assertThat(points().listTransactions(ListTransactionsRequest.newBuilder()
                                .setMemberId(m)
                                .build())
                        .getTransactionsList())
                .extracting(PointsTransaction::getType)
                .startsWith(TransactionType.EXPIRE, TransactionType.REVERSE);
        assertLedgerConsistent(db, m);
    }

    @Test
    void onlyTheMembersOwnEarnAndRedeemLinesCanBeReversed() {
        String m = newMember();
        String other = newMember();
        String earnId = earn(m, 10).getTransaction().getTransactionId();

        assertThatThrownBy(() -> reverse(other, earnId, 0))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        String reverseId = reverse(m, earnId, 5).getTransaction().getTransactionId();
        assertThatThrownBy(() -> reverse(m, reverseId, 0))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class, e -> assertThat(reason(e)).isEqualTo("NOT_REVERSIBLE"));
    }

    private static PointsWriteResponse reverse(String m, String txn, long pts) {
        return points().reverse(ReverseRequest.newBuilder()
                .setIdempotencyKey(uniqueKey())
                .setMemberId(m)
                .setTransactionId(txn)
                .setPoints(pts)
                .setReason("退款")
                .build());
    }

    private static long balance(String m) {
        return points().getBalance(GetBalanceRequest.newBuilder().setMemberId(m).build())
                .getAvailable();
    }
}
