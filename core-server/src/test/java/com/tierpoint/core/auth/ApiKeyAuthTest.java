package com.tierpoint.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Timestamp;
import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.core.support.TestPrograms;
import com.tierpoint.proto.v1.EarnRequest;
import com.tierpoint.proto.v1.GetBalanceRequest;
import com.tierpoint.proto.v1.GetMemberRequest;
import com.tierpoint.proto.v1.GetProgramRequest;
import com.tierpoint.proto.v1.Member;
import com.tierpoint.proto.v1.MemberRef;
import com.tierpoint.proto.v1.MemberServiceGrpc;
import com.tierpoint.proto.v1.OrderServiceGrpc;
import com.tierpoint.proto.v1.OrderStatus;
import com.tierpoint.proto.v1.PointsServiceGrpc;
import com.tierpoint.proto.v1.Program;
import com.tierpoint.proto.v1.ProgramServiceGrpc;
import com.tierpoint.proto.v1.RecordOrderRequest;
import com.tierpoint.proto.v1.RecordOrderResponse;
import com.tierpoint.proto.v1.UpdateProgramRequest;
import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ApiKeyAuthTest extends CoreTestBase {

    @Autowired
    JdbcTemplate db;

    @Test
    void aCallWithoutAnyKeyIsUnauthenticated() {
        String m = newMember();
        PointsServiceGrpc.PointsServiceBlockingStub anonymous =
                PointsServiceGrpc.newBlockingStub(channel()).withDeadlineAfter(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> anonymous.getBalance(
                        GetBalanceRequest.newBuilder().setMemberId(m).build()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }

    @Test
    void aCallWithAnUnknownKeyIsUnauthenticatedAndChangesNothing() {
        String m = newMember();

        assertThatThrownBy(() -> pointsAs(key("not-a-configured-key")).earn(earnRequest(m, 10)))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        assertThat(ledgerLines(m)).isZero();
    }

    @Test
    void theReaderKeyCannotEarnAndTheRefusedCallChangesNothing() {
        String m = newMember();
        earn(m, 50);
        long versionBefore = memberVersion(m);

        EarnRequest request = earnRequest(m, 1_000);
        assertThatThrownBy(() -> pointsAs(key(READER_KEY)).earn(request))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                    assertThat(e.getStatus().getDescription()).contains("points:write");
                });

        assertThat(ledgerLines(m)).isEqualTo(1);
        assertThat(memberVersion(m)).isEqualTo(versionBefore);
        assertThat(points().getBalance(
                                GetBalanceRequest.newBuilder().setMemberId(m).build())
                        .getAvailable())
                .isEqualTo(50);
        assertThat(db.queryForObject(
                        "SELECT COUNT(*) FROM idempotency_record WHERE idem_key = ?",
                        Integer.class,
                        request.getIdempotencyKey()))
                .isZero();
    }

    @Test
    void theReaderKeyCanReadAMemberAndItsBalance() {
        String m = newMember();
        earn(m, 75);

        Member member = MemberServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(key(READER_KEY))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .getMember(GetMemberRequest.newBuilder()
                        .setMember(MemberRef.newBuilder().setMemberId(m))
                        .build());

        assertThat(member.getMemberId()).isEqualTo(m);
        assertThat(member.getPointsAvailable()).isEqualTo(75);
        assertThat(pointsAs(key(READER_KEY))
                        .getBalance(
                                GetBalanceRequest.newBuilder().setMemberId(m).build())
                        .getAvailable())
                .isEqualTo(75);
    }

    @Test
    void theOrdersKeyCannotUpdateTheProgram() {
        Program before = programs().getProgram(GetProgramRequest.getDefaultInstance());
        ProgramServiceGrpc.ProgramServiceBlockingStub ordersClient = ProgramServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(key(ORDERS_KEY))
                .withDeadlineAfter(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> ordersClient.updateProgram(UpdateProgramRequest.newBuilder()
                        .setIdempotencyKey(uniqueKey())
                        .setProgram(TestPrograms.standard().toBuilder().setName("Hijacked Club"))
                        .build()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));

        Program after = programs().getProgram(GetProgramRequest.getDefaultInstance());
        assertThat(after.getVersion()).isEqualTo(before.getVersion());
        assertThat(after.getName()).isEqualTo("Test Club");
    }

    @Test
    void aBearerTokenInTheAuthorizationHeaderAuthenticatesLikeTheApiKeyHeader() {
        String m = newMember();

        long available = pointsAs(bearer(ADMIN_KEY))
                .earn(earnRequest(m, 33))
                .getBalance()
                .getAvailable();

        assertThat(available).isEqualTo(33);
        assertThatThrownBy(() -> pointsAs(bearer(READER_KEY)).earn(earnRequest(m, 1)))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        assertThatThrownBy(() -> pointsAs(bearer("wrong-key")).earn(earnRequest(m, 1)))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        assertThat(ledgerLines(m)).isEqualTo(1);
    }

    @Test
    void theStandardHealthServiceAnswersServingWithoutAKey() {
        HealthGrpc.HealthBlockingStub health =
                HealthGrpc.newBlockingStub(channel()).withDeadlineAfter(10, TimeUnit.SECONDS);

        HealthCheckResponse overall = health.check(HealthCheckRequest.getDefaultInstance());
        HealthCheckResponse points = health.check(HealthCheckRequest.newBuilder()
                .setService("tierpoint.v1.PointsService")
                .build());

        assertThat(overall.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        assertThat(points.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    @Test
    void idempotencyKeysAreStoredPerClientSoTwoClientsMayUseTheSameKey() {
        String m = newMember();
        String sharedKey = uniqueKey();

        points().earn(EarnRequest.newBuilder()
                .setIdempotencyKey(sharedKey)
                .setMemberId(m)
                .setPoints(5)
                .setReason("welcome")
                .build());
        RecordOrderResponse order = OrderServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(key(ORDERS_KEY))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .recordOrder(RecordOrderRequest.newBuilder()
                        .setIdempotencyKey(sharedKey)
                        .setOrderId("ord-" + sharedKey)
                        .setMemberId(m)
                        .setAmountFen(12_300)
                        .setStatus(OrderStatus.PAID)
                        .setOccurredAt(Timestamp.newBuilder().setSeconds(T0.getEpochSecond()))
                        .build());

        assertThat(order.getPointsGranted()).isEqualTo(123);
        List<Map<String, Object>> rows = db.queryForList(
                "SELECT client_id, operation FROM idempotency_record WHERE idem_key = ? ORDER BY client_id", sharedKey);
        assertThat(rows)
                .extracting(r -> r.get("client_id"), r -> r.get("operation"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("test-admin", "Earn"),
                        org.assertj.core.groups.Tuple.tuple("test-orders", "RecordOrder"));
        assertThat(points().getBalance(
                                GetBalanceRequest.newBuilder().setMemberId(m).build())
                        .getAvailable())
                .isEqualTo(128);
    }

    private static PointsServiceGrpc.PointsServiceBlockingStub pointsAs(CallCredentials credentials) {
        return PointsServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(credentials)
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static CallCredentials bearer(String apiKey) {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                Metadata m = new Metadata();
                m.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + apiKey);
                applier.apply(m);
            }
        };
    }

    private int ledgerLines(String m) {
        return db.queryForObject(
                "SELECT COUNT(*) FROM points_txn WHERE member_id = ?", Integer.class, Long.parseLong(m));
    }

    private long memberVersion(String m) {
        return db.queryForObject("SELECT version FROM member WHERE id = ?", Long.class, Long.parseLong(m));
    }
}
