package com.tierpoint.core.operator;

import static com.tierpoint.core.support.GrpcErrors.fields;
import static com.tierpoint.core.support.GrpcErrors.metadata;
import static com.tierpoint.core.support.GrpcErrors.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpoint.proto.v1.AdjustPointsRequest;
import com.tierpoint.proto.v1.AdjustPointsResponse;
import com.tierpoint.proto.v1.AuditEntry;
import com.tierpoint.proto.v1.AuditResult;
import com.tierpoint.proto.v1.GetOperatorRequest;
import com.tierpoint.proto.v1.ListTransactionsRequest;
import com.tierpoint.proto.v1.OperatorRole;
import com.tierpoint.proto.v1.PointsTransaction;
import com.tierpoint.proto.v1.TransactionType;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AdjustingPointsTest extends OperatorTestBase {

    @Test
    void anOperatorsGrantIsAnEarnWithTheirReasonCountedAgainstTheCapAndAudited() {
        String op = newOperator(OperatorRole.OPERATOR, 500);
        String m = newMember();

        AdjustPointsResponse r = adjust(op, m, 120);

        assertThat(r.getTransaction().getType()).isEqualTo(TransactionType.EARN);
        assertThat(r.getTransaction().getPoints()).isEqualTo(120);
        assertThat(r.getTransaction().getSource()).isEqualTo("operator");
        assertThat(r.getTransaction().getReason()).isEqualTo("群活动奖励");
        assertThat(r.getTransaction().hasExpiresAt())
                .as("expires per the program's policy")
                .isTrue();
        assertThat(r.getPointsAvailable()).isEqualTo(120);
        assertThat(r.getGrantedToday()).isEqualTo(120);
        assertThat(r.getRemainingToday()).isEqualTo(380);
        assertThat(member(m).getPointsAvailable()).isEqualTo(120);
        PointsTransaction line = points().listTransactions(
                        ListTransactionsRequest.newBuilder().setMemberId(m).build())
                .getTransactions(0);
        assertThat(line.getReason()).as("the member sees the operator's reason").isEqualTo("群活动奖励");
        AuditEntry audit = auditOf(op).get(0);
        assertThat(audit.getAuditId()).isEqualTo(r.getAuditId());
        assertThat(audit.getAction()).isEqualTo("points.adjust");
        assertThat(audit.getMemberId()).isEqualTo(m);
        assertThat(audit.getAmount()).isEqualTo(120);
        assertThat(audit.getReason()).isEqualTo("群活动奖励");
        assertThat(audit.getResult()).isEqualTo(AuditResult.OK);
    }

    @Test
    void aDeductionIsARedeemAndCountsItsSizeAgainstTheCap() {
        String op = newOperator(OperatorRole.OPERATOR, 500);
        String m = newMember();
        earn(m, 300);

        AdjustPointsResponse r = adjust(op, m, -100);

        assertThat(r.getTransaction().getType()).isEqualTo(TransactionType.REDEEM);
        assertThat(r.getTransaction().getPoints()).isEqualTo(-100);
        assertThat(r.getTransaction().getLotsCount()).isEqualTo(1);
        assertThat(r.getPointsAvailable()).isEqualTo(200);
        assertThat(r.getGrantedToday()).isEqualTo(100);
    }

    @Test
    void aDoubleClickGrantsOnceAndCountsOnceAndTheSameKeyForAnotherRequestConflicts() {
        String op = newOperator(OperatorRole.OPERATOR, 500);
        String m = newMember();
        String key = uniqueKey();

        AdjustPointsResponse first = adjust(op, m, 50, key);
        AdjustPointsResponse second = adjust(op, m, 50, key);

        assertThat(second).isEqualTo(first);
        assertThat(member(m).getPointsAvailable()).isEqualTo(50);
        assertThat(operators()
                        .getOperator(
                                GetOperatorRequest.newBuilder().setUserId(op).build())
                        .getGrantedToday())
                .isEqualTo(50);
        assertThatThrownBy(() -> adjust(op, m, 60, key))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS));
        assertThat(auditOf(op)).hasSize(1);
    }

    @Test
    void beyondTheDailyCapTheGrantIsRefusedWithTheNumbersAndAuditedAndNothingElseChanges() {
        String op = newOperator(OperatorRole.OPERATOR, 200);
        String m = newMember();
        adjust(op, m, 80);

        assertThatThrownBy(() -> adjust(op, m, 121)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            assertThat(reason(e)).isEqualTo("OPERATOR_DAILY_CAP");
            assertThat(metadata(e)).containsAllEntriesOf(Map.of("cap", "200", "used", "80", "remaining", "120"));
            assertThat(e.getStatus().getDescription()).contains("120 of 200 points remain today");
        });
        assertThat(member(m).getPointsAvailable()).isEqualTo(80);
        AuditEntry refused = auditOf(op).get(0);
        assertThat(refused.getResult()).isEqualTo(AuditResult.REFUSED);
        assertThat(refused.getReasonCode()).isEqualTo("OPERATOR_DAILY_CAP");
        assertThat(refused.getAmount()).isEqualTo(121);
        assertThat(adjust(op, m, 120).getRemainingToday())
                .as("exactly the rest still fits")
                .isZero();
    }

    @Test
    void theCapStartsAfreshOnTheNextProgramDay() {
        String op = newOperator(OperatorRole.OPERATOR, 100);
        String m = newMember();
        adjust(op, m, 100);

        // T0 is 10:00 in Shanghai; 14 hours later it is the next day there
        clock.advance(Duration.ofHours(14));

        assertThat(adjust(op, m, 100).getGrantedToday()).isEqualTo(100);
    }

    @Test
    void aDeductionNeverOverdrawsAndTheRefusalIsAudited() {
        String op = newOperator(OperatorRole.OPERATOR, 1000);
        String m = newMember();
        earn(m, 30);

        assertThatThrownBy(() -> adjust(op, m, -31))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class, e -> assertThat(reason(e)).isEqualTo("INSUFFICIENT_POINTS"));
        assertThat(member(m).getPointsAvailable()).isEqualTo(30);
        assertThat(operators()
                        .getOperator(
                                GetOperatorRequest.newBuilder().setUserId(op).build())
                        .getGrantedToday())
                .isZero();
        assertThat(auditOf(op).get(0).getReasonCode()).isEqualTo("INSUFFICIENT_POINTS");
    }

    @Test
    void viewersUnknownAndInactiveOperatorsAreDeniedAndAnUnknownMemberIsNotFound() {
        String viewer = newOperator(OperatorRole.VIEWER, 1000);
        String gone = newOperator(OperatorRole.OPERATOR, 1000);
        setOperator(BOOTSTRAP_ADMIN, gone, OperatorRole.OPERATOR, 1000, false);
        String op = newOperator(OperatorRole.OPERATOR, 1000);
        String m = newMember();

        assertDenied(() -> adjust(viewer, m, 10), "OPERATOR_READ_ONLY");
        assertDenied(() -> adjust(gone, m, 10), "OPERATOR_INACTIVE");
        assertDenied(() -> adjust("nobody-" + uniqueKey().substring(0, 8), m, 10), "OPERATOR_UNKNOWN");
        assertThatThrownBy(() -> adjust(op, "999999999999", 10))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThat(auditOf(viewer).get(0).getReasonCode()).isEqualTo("OPERATOR_READ_ONLY");
        assertThat(auditOf(op).get(0).getReasonCode()).isEqualTo("NOT_FOUND");
        assertThat(member(m).getPointsAvailable()).isZero();
    }

    @Test
    void badInputNamesEachFieldAndWritesNothing() {
        String op = newOperator(OperatorRole.OPERATOR, 1000);

        assertThatThrownBy(() -> operators()
                        .adjustPoints(AdjustPointsRequest.newBuilder()
                                .setIdempotencyKey(uniqueKey())
                                .setActorUserId(op)
                                .setMemberId("x")
                                .setAmount(0)
                                .setReason("")
                                .build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(fields(e)).containsExactlyInAnyOrder("member_id", "amount", "reason");
                });
        assertThatThrownBy(() -> operators()
                        .adjustPoints(AdjustPointsRequest.newBuilder()
                                .setIdempotencyKey(uniqueKey())
                                .setActorUserId(op)
                                .setMemberId(newMember())
                                .setAmount(5)
                                .setReason("长".repeat(201))
                                .build()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class, e -> assertThat(fields(e)).containsExactly("reason"));
        assertThat(auditOf(op)).isEmpty();
    }

    @Test
    void aReasonOfTwoHundredCharactersIsKeptWholeOnTheLedger() {
        String op = newOperator(OperatorRole.OPERATOR, 1000);
        String m = newMember();
        String reason = "长".repeat(200);

        AdjustPointsResponse r = operators()
                .adjustPoints(AdjustPointsRequest.newBuilder()
                        .setIdempotencyKey(uniqueKey())
                        .setActorUserId(op)
                        .setMemberId(m)
                        .setAmount(5)
                        .setReason(reason)
                        .build());

        assertThat(r.getTransaction().getReason()).isEqualTo(reason);
    }

    @Test
    void twoConcurrentGrantsThatEachFitButNotTogetherGrantExactlyOnce() throws Exception {
        String op = newOperator(OperatorRole.OPERATOR, 100);
        String m1 = newMember();
        String m2 = newMember();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<AdjustPointsResponse>> results = new ArrayList<>();
            for (String m : List.of(m1, m2)) {
                results.add(pool.submit(() -> {
                    start.await();
                    return adjust(op, m, 60);
                }));
            }
            start.countDown();
            int ok = 0;
            int capped = 0;
            for (Future<AdjustPointsResponse> f : results) {
                try {
                    f.get();
                    ok++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(reason((StatusRuntimeException) e.getCause())).isEqualTo("OPERATOR_DAILY_CAP");
                    capped++;
                }
            }
            assertThat(ok).isEqualTo(1);
            assertThat(capped).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(member(m1).getPointsAvailable() + member(m2).getPointsAvailable())
                .isEqualTo(60);
        assertThat(operators()
                        .getOperator(
                                GetOperatorRequest.newBuilder().setUserId(op).build())
                        .getGrantedToday())
                .isEqualTo(60);
    }

    private static void assertDenied(Runnable call, String expectedReason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(reason(e)).isEqualTo(expectedReason);
        });
    }
}
