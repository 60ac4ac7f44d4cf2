package com.tierpoint.gateway.member;

import com.tierpoint.gateway.core.CoreClient;
import com.tierpoint.gateway.session.MemberSession;
import com.tierpoint.proto.v1.GetMemberRequest;
import com.tierpoint.proto.v1.GetTierProgressRequest;
import com.tierpoint.proto.v1.ListTransactionsRequest;
import com.tierpoint.proto.v1.ListTransactionsResponse;
import com.tierpoint.proto.v1.MemberRef;
import com.tierpoint.proto.v1.PointsTransaction;
import com.tierpoint.proto.v1.Tier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "member", description = "the member card, the points history and the tier ladder")
class MemberController {

    private final CoreClient core;
    private final ProgramCache program;

    MemberController(CoreClient core, ProgramCache program) {
        this.core = core;
        this.program = program;
    }

    @GetMapping("/me")
    @Operation(summary = "The member card: tier, benefits, points, growth, next tier, retention, expiring points")
    MemberCard me(MemberSession session) {
        MemberRef ref = MemberRef.newBuilder().setMemberId(session.memberId()).build();
        var member = core.members()
                .getMember(GetMemberRequest.newBuilder().setMember(ref).build());
        var progress = core.members()
                .getTierProgress(
                        GetTierProgressRequest.newBuilder().setMember(ref).build());
        return MemberCard.of(member, progress);
    }

    record TransactionView(
            String transactionId,
            String type,
            long points,
            long balanceAfter,
            String reason,
            String orderId,
            Instant occurredAt) {}

    record TransactionPage(List<TransactionView> transactions, String nextPageToken) {}

    @GetMapping("/points/transactions")
    @Operation(summary = "The points history, newest first; pass nextPageToken back as pageToken for the next page")
    TransactionPage transactions(
            MemberSession session,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int pageSize,
            @RequestParam(defaultValue = "") @Size(max = 200) String pageToken) {
        ListTransactionsResponse r = core.points()
                .listTransactions(ListTransactionsRequest.newBuilder()
                        .setMemberId(session.memberId())
                        .setPageSize(pageSize)
                        .setPageToken(pageToken)
                        .build());
        return new TransactionPage(
                r.getTransactionsList().stream().map(MemberController::view).toList(),
                r.getNextPageToken().isEmpty() ? null : r.getNextPageToken());
    }

    record TierLadderEntry(
            String code,
            String name,
            int rank,
            int pointsMultiplierPercent,
            List<MemberCard.BenefitView> benefits,
            String upgradeRule,
            boolean current) {}

    @GetMapping("/tiers")
    @Operation(summary = "Every tier with its benefits and rule, and which one is the member's")
    List<TierLadderEntry> tiers(MemberSession session) {
        var member = core.members()
                .getMember(GetMemberRequest.newBuilder()
                        .setMember(MemberRef.newBuilder().setMemberId(session.memberId()))
                        .build());
        return program.get().getTiersList().stream()
                .map(t -> new TierLadderEntry(
                        t.getCode(),
                        t.getName(),
                        t.getRank(),
                        t.getPointsMultiplierPercent(),
                        t.getBenefitsList().stream()
                                .map(b -> new MemberCard.BenefitView(b.getCode(), b.getDescription()))
                                .toList(),
                        ruleText(t),
                        t.getCode().equals(member.getTier().getCode())))
                .toList();
    }

    private static String ruleText(Tier t) {
        if (!t.hasUpgradeRule() || t.getUpgradeRule().getConditionsCount() == 0) {
            return "注册即可获得";
        }
        List<String> parts = t.getUpgradeRule().getConditionsList().stream()
                .map(c -> Missing.phrase(new MemberCard.Requirement(
                        c.getMetric().name(), 0, c.getThreshold(), c.getThreshold(), c.getWindowDays(), false)))
                .map(p -> p.replace("获得", "累计"))
                .toList();
        String joiner = t.getUpgradeRule().getCombinator() == com.tierpoint.proto.v1.Combinator.ANY ? "或" : "并";
        return String.join(joiner, parts);
    }

    private static TransactionView view(PointsTransaction t) {
        return new TransactionView(
                t.getTransactionId(),
                t.getType().name(),
                t.getPoints(),
                t.getBalanceAfter(),
                t.getReason(),
                t.getOrderId().isEmpty() ? null : t.getOrderId(),
                t.hasCreatedAt() ? MemberCard.instant(t.getCreatedAt()) : null);
    }
}
