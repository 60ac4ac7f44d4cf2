package com.tierpoint.core.operator;

import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.proto.v1.AdjustPointsRequest;
import com.tierpoint.proto.v1.AdjustPointsResponse;
import com.tierpoint.proto.v1.AuditEntry;
import com.tierpoint.proto.v1.ListAuditRequest;
import com.tierpoint.proto.v1.OperatorRole;
import com.tierpoint.proto.v1.OperatorServiceGrpc;
import com.tierpoint.proto.v1.SetOperatorRequest;
import com.tierpoint.proto.v1.SetOperatorResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

abstract class OperatorTestBase extends CoreTestBase {

    static OperatorServiceGrpc.OperatorServiceBlockingStub operators() {
        return OperatorServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(key(ADMIN_KEY))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    /** A fresh operator with this role and cap, made by the bootstrap admin. */
    static String newOperator(OperatorRole role, long cap) {
        String userId = "op-" + UUID.randomUUID().toString().substring(0, 12);
        setOperator(BOOTSTRAP_ADMIN, userId, role, cap, true);
        return userId;
    }

    static SetOperatorResponse setOperator(String actor, String userId, OperatorRole role, long cap, boolean active) {
        return operators()
                .setOperator(SetOperatorRequest.newBuilder()
                        .setIdempotencyKey(uniqueKey())
                        .setActorUserId(actor)
                        .setUserId(userId)
                        .setName("运营 " + userId)
                        .setRole(role)
                        .setDailyGrantCap(cap)
                        .setActive(active)
                        .build());
    }

    static AdjustPointsResponse adjust(String actor, String member, long amount, String key) {
        return operators()
                .adjustPoints(AdjustPointsRequest.newBuilder()
                        .setIdempotencyKey(key)
                        .setActorUserId(actor)
                        .setMemberId(member)
                        .setAmount(amount)
                        .setReason("群活动奖励")
                        .build());
    }

    static AdjustPointsResponse adjust(String actor, String member, long amount) {
        return adjust(actor, member, amount, uniqueKey());
    }

    static List<AuditEntry> auditOf(String actor) {
        return operators()
                .listAudit(ListAuditRequest.newBuilder()
                        .setActorUserId(actor)
                        .setPageSize(100)
                        .build())
                .getEntriesList();
    }
}
