package com.tierpoint.gateway.console;

import com.tierpoint.gateway.core.CoreClient;
import com.tierpoint.proto.v1.AuditResult;
import com.tierpoint.proto.v1.GetOperatorRequest;
import com.tierpoint.proto.v1.Operator;
import com.tierpoint.proto.v1.RecordAuditRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The core's OperatorService as the console needs it: who an operator is, and the audit trail. */
final class CoreOperators {

    private static final Logger log = LoggerFactory.getLogger(CoreOperators.class);

    private final CoreClient core;

    CoreOperators(CoreClient core) {
        this.core = core;
    }

    /** The operator with that WeCom user id, active or not; empty when the core knows none. */
    Optional<ConsoleOperator> find(String userId) {
        try {
            return Optional.of(of(core.operators()
                    .getOperator(
                            GetOperatorRequest.newBuilder().setUserId(userId).build())));
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            if (code == Status.Code.NOT_FOUND || code == Status.Code.INVALID_ARGUMENT) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static ConsoleOperator of(Operator o) {
        return new ConsoleOperator(
                o.getUserId(),
                o.getName(),
                role(o.getRole()),
                o.getDailyGrantCap(),
                o.getGrantedToday(),
                o.getRemainingToday(),
                o.getActive());
    }

    static ConsoleOperator.Role role(com.tierpoint.proto.v1.OperatorRole role) {
        return switch (role) {
            case ADMIN -> ConsoleOperator.Role.ADMIN;
            case OPERATOR -> ConsoleOperator.Role.OPERATOR;
            default -> ConsoleOperator.Role.VIEWER;
        };
    }

    static com.tierpoint.proto.v1.OperatorRole role(ConsoleOperator.Role role) {
        return switch (role) {
            case ADMIN -> com.tierpoint.proto.v1.OperatorRole.ADMIN;
            case OPERATOR -> com.tierpoint.proto.v1.OperatorRole.OPERATOR;
            case VIEWER -> com.tierpoint.proto.v1.OperatorRole.VIEWER;
        };
    }

    /**
     * Appends an audit entry for something the gateway did itself. An audit the core cannot take
     * is logged, not thrown: the action already happened (or was already refused).
     */
    void audit(
            String actor,
            String action,
            String memberId,
            long amount,
            String reason,
            String result,
            String detail,
            String idempotencyKey) {
        try {
            core.operators()
                    .recordAudit(RecordAuditRequest.newBuilder()
                            .setIdempotencyKey(idempotencyKey == null ? "" : idempotencyKey)
                            .setActorUserId(actor)
                            .setAction(action)
                            .setMemberId(memberId == null ? "" : memberId)
                            .setAmount(amount)
                            .setReason(reason == null ? "" : reason)
                            .setResult(AuditResult.valueOf(result))
                            .setDetail(
                                    detail == null ? "" : detail.length() > 1000 ? detail.substring(0, 1000) : detail)
                            .build());
        } catch (StatusRuntimeException e) {
            log.warn("audit of {} by {} ({}) not recorded: {}", action, actor, result, e.getStatus());
        }
    }

    void audit(String actor, String action, String memberId, long amount, String reason, String result, String detail) {
        audit(actor, action, memberId, amount, reason, result, detail, null);
    }
}
