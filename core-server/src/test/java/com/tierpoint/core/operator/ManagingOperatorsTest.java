package com.tierpoint.core.operator;

import static com.tierpoint.core.support.GrpcErrors.fields;
import static com.tierpoint.core.support.GrpcErrors.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpoint.core.operator.application.BootstrappingAdmins;
import com.tierpoint.proto.v1.AuditEntry;
import com.tierpoint.proto.v1.AuditResult;
import com.tierpoint.proto.v1.GetOperatorRequest;
import com.tierpoint.proto.v1.ListAuditRequest;
import com.tierpoint.proto.v1.ListAuditResponse;
import com.tierpoint.proto.v1.ListOperatorsRequest;
import com.tierpoint.proto.v1.Operator;
import com.tierpoint.proto.v1.OperatorRole;
import com.tierpoint.proto.v1.RecordAuditRequest;
import com.tierpoint.proto.v1.SetOperatorRequest;
import com.tierpoint.proto.v1.SetOperatorResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ManagingOperatorsTest extends OperatorTestBase {

    @Autowired
    BootstrappingAdmins bootstrapping;

    @Test
    void theConfiguredAdminExistsFromStartupAndBootstrappingAgainChangesNothing() {
        Operator boss = operators()
                .getOperator(GetOperatorRequest.newBuilder()
                        .setUserId(BOOTSTRAP_ADMIN)
                        .build());
        int before = auditOf("bootstrap").size();

        int changed = bootstrapping.bootstrap();

        assertThat(boss.getRole()).isEqualTo(OperatorRole.ADMIN);
        assertThat(boss.getActive()).isTrue();
        assertThat(boss.getDailyGrantCap()).isEqualTo(1000);
        assertThat(changed).isZero();
        assertThat(auditOf("bootstrap")).hasSize(before);
        assertThat(auditOf("bootstrap"))
                .anySatisfy(e -> assertThat(e.getAction()).isEqualTo("operator.bootstrap"));
    }

    @Test
    void anAdminCreatesAndChangesAnOperatorAndEachChangeIsAudited() {
        String userId = "zhangsan-" + uniqueKey().substring(0, 6);

        SetOperatorResponse created = setOperator(BOOTSTRAP_ADMIN, userId, OperatorRole.VIEWER, 300, true);
        SetOperatorResponse changed = operators()
                .setOperator(SetOperatorRequest.newBuilder()
                        .setIdempotencyKey(uniqueKey())
                        .setActorUserId(BOOTSTRAP_ADMIN)
                        .setUserId(userId)
                        .setName("张三")
                        .setRole(OperatorRole.OPERATOR)
                        .setActive(true)
                        .build());

        assertThat(created.getCreated()).isTrue();
        assertThat(changed.getCreated()).isFalse();
        assertThat(changed.getOperator().getRole()).isEqualTo(OperatorRole.OPERATOR);
        assertThat(changed.getOperator().getDailyGrantCap())
                .as("an unset cap is kept")
                .isEqualTo(300);
        assertThat(changed.getOperator().getRemainingToday()).isEqualTo(300);
        assertThat(changed.getOperator().getToday()).isEqualTo("2026-03-10");
        assertThat(operators()
                        .listOperators(ListOperatorsRequest.getDefaultInstance())
                        .getOperatorsList())
                .extracting(Operator::getUserId)
                .contains(userId, BOOTSTRAP_ADMIN)
                .isSorted();
        List<AuditEntry> audit = operators()
                .listAudit(ListAuditRequest.newBuilder()
                        .setActorUserId(BOOTSTRAP_ADMIN)
                        .setAction("operator.set")
                        .setPageSize(2)
                        .build())
                .getEntriesList();
        assertThat(audit.get(0).getAuditId()).isEqualTo(changed.getAuditId());
        assertThat(audit.get(0).getDetail()).contains("user_id=" + userId).contains("role=OPERATOR");
        assertThat(audit.get(1).getAuditId()).isEqualTo(created.getAuditId());
    }

    @Test
    void anOperatorWhoIsNotAnAdminCannotManageOperators() {
        String op = newOperator(OperatorRole.OPERATOR, 100);

        assertThatThrownBy(() -> setOperator(op, op, OperatorRole.ADMIN, 100_000, true))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                    assertThat(reason(e)).isEqualTo("OPERATOR_NOT_ADMIN");
                });
        assertThat(operators()
                        .getOperator(
                                GetOperatorRequest.newBuilder().setUserId(op).build())
                        .getRole())
                .isEqualTo(OperatorRole.OPERATOR);
        assertThat(auditOf(op).get(0).getResult()).isEqualTo(AuditResult.REFUSED);
    }

    @Test
    void theLastActiveAdminCannotDemoteOrDeactivateThemselvesButCanOnceThereIsAnother() {
        String second = newOperator(OperatorRole.ADMIN, 100);
        // leave only `second` as active admin: the bootstrap admin steps down
        setOperator(second, BOOTSTRAP_ADMIN, OperatorRole.OPERATOR, 1000, true);
        try {
            assertThatThrownBy(() -> setOperator(second, second, OperatorRole.OPERATOR, 100, true))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                        assertThat(reason(e)).isEqualTo("LAST_ADMIN");
                    });
            assertThatThrownBy(() -> setOperator(second, second, OperatorRole.ADMIN, 100, false))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(reason(e))
                            .isEqualTo("LAST_ADMIN"));
        } finally {
            setOperator(second, BOOTSTRAP_ADMIN, OperatorRole.ADMIN, 1000, true);
        }
        assertThat(setOperator(second, second, OperatorRole.VIEWER, 100, true)
                        .getOperator()
                        .getRole())
                .isEqualTo(OperatorRole.VIEWER);
    }

    @Test
    void anUnknownOperatorIsNotFoundAndBadInputNamesTheFields() {
        assertThatThrownBy(() -> operators()
                        .getOperator(GetOperatorRequest.newBuilder()
                                .setUserId("nobody-here")
                                .build()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThatThrownBy(() -> operators()
                        .setOperator(SetOperatorRequest.newBuilder()
                                .setIdempotencyKey(uniqueKey())
                                .setActorUserId(BOOTSTRAP_ADMIN)
                                .setUserId("has space")
                                .setDailyGrantCap(-1)
                                .build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(fields(e))
                        .containsExactlyInAnyOrder("user_id", "role", "daily_grant_cap"));
    }

    @Test
    void theConsoleRecordsItsOwnActionsOnceByKeyAndReadsThemNewestFirstInPages() {
        String actor = "console-" + uniqueKey().substring(0, 6);
        String m = newMember();
        String key = uniqueKey();
        RecordAuditRequest queued = RecordAuditRequest.newBuilder()
                .setIdempotencyKey(key)
                .setActorUserId(actor)
                .setAction("broadcast.queued")
                .setResult(AuditResult.OK)
                .setDetail("{\"group_id\":\"wrG1\"}")
                .build();

        AuditEntry first = operators().recordAudit(queued);
        AuditEntry again = operators().recordAudit(queued);
        for (int i = 0; i < 3; i++) {
            operators()
                    .recordAudit(RecordAuditRequest.newBuilder()
                            .setActorUserId(actor)
                            .setAction("member.lookup")
                            .setMemberId(m)
                            .setResult(AuditResult.OK)
                            .build());
        }

        assertThat(again).isEqualTo(first);
        List<AuditEntry> all = new ArrayList<>();
        String token = "";
        do {
            ListAuditResponse page = operators()
                    .listAudit(ListAuditRequest.newBuilder()
                            .setActorUserId(actor)
                            .setPageSize(2)
                            .setPageToken(token)
                            .build());
            all.addAll(page.getEntriesList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        assertThat(all).hasSize(4);
        assertThat(all.get(3)).isEqualTo(first);
        assertThat(all.subList(0, 3))
                .allSatisfy(e -> assertThat(e.getMemberId()).isEqualTo(m));
        assertThat(operators()
                        .listAudit(ListAuditRequest.newBuilder()
                                .setMemberId(m)
                                .setAction("member.lookup")
                                .build())
                        .getEntriesList())
                .hasSize(3);
        assertThatThrownBy(() -> operators()
                        .recordAudit(RecordAuditRequest.newBuilder()
                                .setActorUserId(actor)
                                .setAction("Bad Action")
                                .setDetail("x".repeat(1001))
                                .build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(fields(e))
                        .containsExactlyInAnyOrder("action", "result", "detail"));
    }
}
