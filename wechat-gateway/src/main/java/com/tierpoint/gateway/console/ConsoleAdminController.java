package com.tierpoint.gateway.console;

import com.tierpoint.gateway.core.CoreClient;
import com.tierpoint.proto.v1.ListAuditRequest;
import com.tierpoint.proto.v1.ListAuditResponse;
import com.tierpoint.proto.v1.ListOperatorsRequest;
import com.tierpoint.proto.v1.SetOperatorRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins: operators (roles, daily caps, active) and the audit trail. */
@RestController
@RequestMapping("/console/api")
@Validated
class ConsoleAdminController {

    private static final String USER_ID = "[A-Za-z0-9_.@\\-]{1,64}";

    private final CoreClient core;

    ConsoleAdminController(CoreClient core) {
        this.core = core;
    }

    record Operators(List<ConsoleOperator> operators) {}

    @GetMapping("/operators")
    @RequiresRole(ConsoleOperator.Role.ADMIN)
    Operators operators(ConsoleOperator op) {
        return new Operators(
                core.operators().listOperators(ListOperatorsRequest.getDefaultInstance()).getOperatorsList().stream()
                        .map(CoreOperators::of)
                        .toList());
    }

    record OperatorChange(
            @Size(max = 64, message = "姓名最多 64 字") String name,
            @NotNull(message = "请选择角色") ConsoleOperator.Role role,
            @Min(value = 0, message = "额度不能为负") @Max(value = 100_000_000, message = "额度太大") Long dailyGrantCap,
            boolean active,
            @NotBlank(message = "缺少请求编号") @Pattern(regexp = "[A-Za-z0-9_\\-]{8,64}", message = "请求编号格式不对")
                    String requestId) {}

    @PutMapping("/operators/{userId}")
    @RequiresRole(ConsoleOperator.Role.ADMIN)
    ConsoleOperator setOperator(
            ConsoleOperator op,
            @PathVariable @Pattern(regexp = USER_ID, message = "不是企业微信账号") String userId,
            @Valid @RequestBody OperatorChange body) {
        SetOperatorRequest.Builder r = SetOperatorRequest.newBuilder()
                .setIdempotencyKey("console:" + op.userId() + ":" + body.requestId())
                .setActorUserId(op.userId())
                .setUserId(userId)
                .setName(body.name() == null ? "" : body.name())
                .setRole(CoreOperators.role(body.role()))
                .setActive(body.active());
        if (body.dailyGrantCap() != null) {
            r.setDailyGrantCap(body.dailyGrantCap());
        }
        return CoreOperators.of(core.operators().setOperator(r.build()).getOperator());
    }

    record AuditPage(List<ConsoleViews.Audit> entries, String nextPageToken) {}

    @GetMapping("/audit")
    @RequiresRole(ConsoleOperator.Role.ADMIN)
    AuditPage audit(
            ConsoleOperator op,
            @RequestParam(defaultValue = "") @Size(max = 64) String actor,
            @RequestParam(defaultValue = "") @Pattern(regexp = "\\d{0,19}", message = "不是会员号") String member,
            @RequestParam(defaultValue = "") @Size(max = 200) String pageToken) {
        ListAuditResponse r = core.operators()
                .listAudit(ListAuditRequest.newBuilder()
                        .setActorUserId(actor)
                        .setMemberId(member)
                        .setPageSize(30)
                        .setPageToken(pageToken)
                        .build());
        return new AuditPage(
                r.getEntriesList().stream().map(ConsoleViews.Audit::of).toList(),
                r.getNextPageToken().isEmpty() ? null : r.getNextPageToken());
    }
}
