package com.tierpoint.gateway.console;

import com.tierpoint.gateway.api.ApiException;
import com.tierpoint.gateway.core.CoreClient;
import com.tierpoint.gateway.ratelimit.RateLimited;
import com.tierpoint.gateway.wecom.WeComAccount;
import com.tierpoint.proto.v1.GetLeaderboardRequest;
import com.tierpoint.proto.v1.Leaderboard;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Customer groups: their members in the program, the group leaderboard and robot broadcasts. */
@RestController
@RequestMapping("/console/api/groups")
@Validated
class ConsoleGroupsController {

    private static final String CHAT_ID = "[\\x21-\\x7e]{1,64}";
    private static final int MARKDOWN_MAX_BYTES = 4096;

    private final CustomerGroups groups;
    private final Broadcasts broadcasts;
    private final WeComAccount wecom;
    private final CoreClient core;
    private final CoreOperators operators;

    ConsoleGroupsController(
            CustomerGroups groups,
            Broadcasts broadcasts,
            WeComAccount wecom,
            CoreClient core,
            CoreOperators operators) {
        this.groups = groups;
        this.broadcasts = broadcasts;
        this.wecom = wecom;
        this.core = core;
        this.operators = operators;
    }

    record GroupSummary(String chatId, String name, int memberCount, boolean robot) {}

    record GroupList(List<GroupSummary> groups) {}

    @GetMapping
    GroupList list(ConsoleOperator op) {
        List<String> first = groups.chatIds().stream().limit(100).toList();
        return new GroupList(groups.summaries(first).stream()
                .map(g -> new GroupSummary(g.chatId(), g.name(), g.memberCount(), wecom.hasRobot(g.chatId())))
                .toList());
    }

    record GroupMemberView(String memberId, String nickname, ConsoleViews.Tier tier, long pointsAvailable) {}

    record Entry(int rank, String memberId, String nickname, long points) {}

    record Board(String month, List<Entry> entries) {}

    record GroupPage(
            String chatId,
            String name,
            String owner,
            int memberCount,
            int enrolledCount,
            Instant syncedAt,
            boolean robot,
            List<GroupMemberView> members,
            Board leaderboard,
            List<Broadcasts.Broadcast> broadcasts) {}

    @GetMapping("/{chatId}")
    GroupPage group(ConsoleOperator op, @PathVariable @Pattern(regexp = CHAT_ID, message = "不是群 ID") String chatId) {
        CustomerGroups.GroupInfo g =
                groups.group(chatId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "没有这个客户群"));
        Instant synced = groups.syncIfStale(g);
        List<GroupMemberView> members = groups.members(chatId).stream()
                .map(m -> new GroupMemberView(
                        m.getMemberId(), m.getNickname(), ConsoleViews.Tier.of(m.getTier()), m.getPointsAvailable()))
                .toList();
        Leaderboard board = core.engagement()
                .getLeaderboard(GetLeaderboardRequest.newBuilder()
                        .setGroupId(chatId)
                        .setTopN(20)
                        .build());
        return new GroupPage(
                g.chatId(),
                g.name(),
                g.owner(),
                g.memberCount(),
                members.size(),
                synced,
                wecom.hasRobot(chatId),
                members,
                new Board(
                        board.getMonth(),
                        board.getEntriesList().stream()
                                .map(e -> new Entry(e.getRank(), e.getMemberId(), e.getNickname(), e.getPoints()))
                                .toList()),
                broadcasts.list(chatId));
    }

    record BroadcastList(List<Broadcasts.Broadcast> broadcasts) {}

    @GetMapping("/{chatId}/broadcasts")
    BroadcastList broadcasts(
            ConsoleOperator op, @PathVariable @Pattern(regexp = CHAT_ID, message = "不是群 ID") String chatId) {
        return new BroadcastList(broadcasts.list(chatId));
    }

    record Notice(
            @NotBlank(message = "请填写通知内容") String markdown,
            @NotBlank(message = "缺少请求编号") @Pattern(regexp = "[A-Za-z0-9_\\-]{8,64}", message = "请求编号格式不对")
                    String requestId) {}

    @PostMapping("/{chatId}/broadcasts")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RequiresRole(ConsoleOperator.Role.OPERATOR)
    @RateLimited("console-broadcast")
    Broadcasts.Broadcast broadcast(
            ConsoleOperator op,
            @PathVariable @Pattern(regexp = CHAT_ID, message = "不是群 ID") String chatId,
            @Valid @RequestBody Notice body) {
        if (body.markdown().getBytes(StandardCharsets.UTF_8).length > MARKDOWN_MAX_BYTES) {
            throw ApiException.badRequest("markdown", "通知内容最多 4096 字节");
        }
        if (!wecom.hasRobot(chatId)) {
            throw ApiException.badRequest("chatId", "该群没有配置群机器人，无法推送");
        }
        Broadcasts.Broadcast b = broadcasts.enqueue(chatId, body.markdown(), op.userId(), body.requestId());
        operators.audit(
                op.userId(),
                "broadcast.queued",
                null,
                0,
                null,
                "OK",
                "group " + chatId,
                "broadcast:" + b.id() + ":queued");
        return b;
    }
}
