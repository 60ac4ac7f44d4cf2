package com.tierpoint.gateway.console;

import com.tierpoint.gateway.api.ApiException;
import com.tierpoint.gateway.core.CoreClient;
import com.tierpoint.gateway.ratelimit.RateLimited;
import com.tierpoint.gateway.wechat.WeChatProperties;
import com.tierpoint.proto.v1.AdjustPointsRequest;
import com.tierpoint.proto.v1.AdjustPointsResponse;
import com.tierpoint.proto.v1.FindMembersRequest;
import com.tierpoint.proto.v1.GetMemberRequest;
import com.tierpoint.proto.v1.ListAuditRequest;
import com.tierpoint.proto.v1.ListInvitesRequest;
import com.tierpoint.proto.v1.ListMemberGroupsRequest;
import com.tierpoint.proto.v1.ListTransactionsRequest;
import com.tierpoint.proto.v1.ListTransactionsResponse;
import com.tierpoint.proto.v1.Member;
import com.tierpoint.proto.v1.MemberRef;
import com.tierpoint.proto.v1.WeChatIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The console's member pages: who the operator is, lookup, a member's card, ledger and invitees, and adjustments. */
@RestController
@RequestMapping("/console/api")
@Validated
class ConsoleMembersController {

    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("(\\+?86)?1\\d{10}");
    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("\\d{1,19}");
    private static final java.util.regex.Pattern WECHAT_ID = java.util.regex.Pattern.compile("o[A-Za-z0-9_\\-]{10,63}");
    private static final String MEMBER_ID = "\\d{1,19}";

    private final CoreClient core;
    private final CoreOperators operators;
    private final String appId;

    ConsoleMembersController(CoreClient core, CoreOperators operators, WeChatProperties wechat) {
        this.core = core;
        this.operators = operators;
        this.appId = wechat.miniappAppId();
    }

    record Me(
            String userId,
            String name,
            String role,
            long dailyGrantCap,
            long grantedToday,
            long remainingToday,
            String csrf) {}

    @GetMapping("/me")
    Me me(ConsoleOperator op, jakarta.servlet.http.HttpServletRequest request) {
        return new Me(
                op.userId(),
                op.name(),
                op.role().name(),
                op.dailyGrantCap(),
                op.grantedToday(),
                op.remainingToday(),
                ConsoleAuthentication.session(request).csrf());
    }

    record Found(List<ConsoleViews.MemberSummary> members) {}

    /** Member id, mobile phone, openid or unionid: whichever the query looks like. */
    @GetMapping("/members")
    @RateLimited("console-lookup")
    Found lookup(ConsoleOperator op, @RequestParam(defaultValue = "") String q) {
        String query = q.strip();
        // phones may come as "138-0013-8000" or "+86 138 0013 8000"; openids keep their hyphens
        String digits = query.replace(" ", "").replace("-", "");
        if (query.isEmpty()) {
            throw ApiException.badRequest("q", "请输入会员号、手机号、openid 或 unionid");
        }
        Map<String, Member> found = new LinkedHashMap<>();
        String by;
        if (PHONE.matcher(digits).matches()) {
            by = "phone";
            find(FindMembersRequest.newBuilder().setPhone(digits).build(), found);
        } else if (DIGITS.matcher(query).matches()) {
            by = "member id";
            find(FindMembersRequest.newBuilder().setMemberId(query).build(), found);
        } else if (WECHAT_ID.matcher(query).matches()) {
            by = "WeChat id";
            find(
                    FindMembersRequest.newBuilder()
                            .setIdentity(
                                    WeChatIdentity.newBuilder().setAppId(appId).setOpenid(query))
                            .build(),
                    found);
            find(FindMembersRequest.newBuilder().setUnionid(query).build(), found);
        } else {
            throw ApiException.badRequest("q", "无法识别：请输入会员号、11 位手机号、openid 或 unionid");
        }
        boolean full = op.role().atLeast(ConsoleOperator.Role.OPERATOR);
        operators.audit(
                op.userId(),
                "member.lookup",
                found.size() == 1 ? found.keySet().iterator().next() : null,
                0,
                null,
                "OK",
                "by " + by + ", " + found.size() + " found");
        return new Found(found.values().stream()
                .map(m -> ConsoleViews.MemberSummary.of(m, full))
                .toList());
    }

    private void find(FindMembersRequest request, Map<String, Member> into) {
        for (Member m : core.members().findMembers(request).getMembersList()) {
            into.putIfAbsent(m.getMemberId(), m);
        }
    }

    record MemberPage(
            ConsoleViews.MemberDetail member,
            ConsoleViews.TransactionPage transactions,
            List<ConsoleViews.Invitee> invitees,
            List<ConsoleViews.Audit> audit) {}

    @GetMapping("/members/{memberId}")
    MemberPage member(
            ConsoleOperator op, @PathVariable @Pattern(regexp = MEMBER_ID, message = "不是会员号") String memberId) {
        Member m = core.members()
                .getMember(GetMemberRequest.newBuilder()
                        .setMember(MemberRef.newBuilder().setMemberId(memberId))
                        .build());
        List<String> groups = core.engagement()
                .listMemberGroups(ListMemberGroupsRequest.newBuilder()
                        .setMemberId(memberId)
                        .build())
                .getGroupIdsList();
        List<ConsoleViews.Invitee> invitees = core
                .invites()
                .listInvites(ListInvitesRequest.newBuilder()
                        .setMemberId(memberId)
                        .setPageSize(50)
                        .build())
                .getInvitesList()
                .stream()
                .map(ConsoleViews.Invitee::of)
                .toList();
        List<ConsoleViews.Audit> audit = core
                .operators()
                .listAudit(ListAuditRequest.newBuilder()
                        .setMemberId(memberId)
                        .setPageSize(20)
                        .build())
                .getEntriesList()
                .stream()
                .map(ConsoleViews.Audit::of)
                .toList();
        boolean full = op.role().atLeast(ConsoleOperator.Role.OPERATOR);
        return new MemberPage(
                ConsoleViews.MemberDetail.of(m, full, groups), transactions(memberId, ""), invitees, audit);
    }

    @GetMapping("/members/{memberId}/transactions")
    ConsoleViews.TransactionPage memberTransactions(
            ConsoleOperator op,
            @PathVariable @Pattern(regexp = MEMBER_ID, message = "不是会员号") String memberId,
            @RequestParam(defaultValue = "") @Size(max = 200) String pageToken) {
        return transactions(memberId, pageToken);
    }

    private ConsoleViews.TransactionPage transactions(String memberId, String pageToken) {
        ListTransactionsResponse r = core.points()
                .listTransactions(ListTransactionsRequest.newBuilder()
                        .setMemberId(memberId)
                        .setPageSize(20)
                        .setPageToken(pageToken)
                        .build());
        return new ConsoleViews.TransactionPage(
                r.getTransactionsList().stream()
                        .map(ConsoleViews.Transaction::of)
                        .toList(),
                r.getNextPageToken().isEmpty() ? null : r.getNextPageToken());
    }

    /** A grant ({@code amount > 0}) or deduction; {@code requestId} makes a double click grant once. */
    record Adjustment(
            @NotNull(message = "请填写积分数量") Long amount,
            @NotBlank(message = "请填写原因") @Size(max = 200, message = "原因最多 200 字") String reason,
            @NotBlank(message = "缺少请求编号") @Pattern(regexp = "[A-Za-z0-9_\\-]{8,64}", message = "请求编号格式不对")
                    String requestId) {}

    record Adjusted(
            String transactionId, long pointsAvailable, long grantedToday, long remainingToday, String auditId) {}

    @PostMapping("/members/{memberId}/adjustments")
    @RequiresRole(ConsoleOperator.Role.OPERATOR)
    @RateLimited("console-adjust")
    Adjusted adjust(
            ConsoleOperator op,
            @PathVariable @Pattern(regexp = MEMBER_ID, message = "不是会员号") String memberId,
            @Valid @RequestBody Adjustment body) {
        if (body.amount() == 0) {
            throw ApiException.badRequest("amount", "积分数量不能为 0");
        }
        AdjustPointsResponse r = core.operators()
                .adjustPoints(AdjustPointsRequest.newBuilder()
                        .setIdempotencyKey("console:" + op.userId() + ":" + body.requestId())
                        .setActorUserId(op.userId())
                        .setMemberId(memberId)
                        .setAmount(body.amount())
                        .setReason(body.reason().strip())
                        .build());
        return new Adjusted(
                r.getTransaction().getTransactionId(),
                r.getPointsAvailable(),
                r.getGrantedToday(),
                r.getRemainingToday(),
                r.getAuditId());
    }
}
