package com.tierpoint.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tierpoint.gateway.sandbox.ReceivedRequest;
import com.tierpoint.gateway.support.Eventually;
import com.tierpoint.gateway.support.Http;
import com.tierpoint.gateway.wecom.SandboxGroups;
import com.tierpoint.proto.v1.OperatorRole;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Customer groups: members from WeCom matched to the program, the group leaderboard and robot broadcasts. */
class ConsoleGroupsTest extends ConsoleTestBase {

    private static final String GROUP = SandboxGroups.VIP_CHAT_ID;
    private static final String WEBHOOK = "/cgi-bin/webhook/send";
    private static final String GROUP_GET = "/cgi-bin/externalcontact/groupchat/get";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @BeforeEach
    void noBroadcastsYet() {
        StringRedisTemplate redis = gateway.bean(StringRedisTemplate.class);
        for (String pattern : List.of("tp:gw:bc:*", "tp:gw:group-summary:*")) {
            var keys = redis.keys(pattern);
            if (keys != null && !keys.isEmpty()) {
                redis.delete(keys);
            }
        }
        redis.delete("tp:gw:group-synced:" + GROUP);
    }

    @Test
    void theGroupPageShowsWhoOfTheGroupIsAMemberAndTheirMonthlyLeaderboard() {
        User ann = login();
        User ben = login();
        earn(ann.memberId(), 300, "活动奖励");
        earn(ben.memberId(), 100, "活动奖励");
        sandbox.addCustomerGroup(CORP_ID, GROUP, "会员福利一群", "zhangsan", List.of(ann.name(), ben.name(), "not-a-member"));
        Console console = loginOperator(newOperator(OperatorRole.VIEWER, 0));

        JsonNode page = console.get("/console/api/groups/" + GROUP).json();

        assertThat(page.get("name").asText()).isEqualTo("会员福利一群");
        assertThat(page.get("memberCount").asInt()).isEqualTo(3);
        assertThat(page.get("enrolledCount").asInt()).isEqualTo(2);
        JsonNode board = page.get("leaderboard").get("entries");
        assertThat(board).hasSize(2);
        assertThat(board.get(0).get("memberId").asText()).isEqualTo(ann.memberId());
        assertThat(board.get(0).get("points").asLong()).isEqualTo(300);
        assertThat(board.get(1).get("memberId").asText()).isEqualTo(ben.memberId());
        assertThat(console.get("/console/api/groups").json().get("groups"))
                .anySatisfy(g -> assertThat(g.get("chatId").asText()).isEqualTo(GROUP));
        assertThat(console.get("/console/api/groups/wrunknown").status()).isEqualTo(404);
    }

    @Test
    void theGroupListAsksWeComAboutEachGroupOnceInTenMinutesAndAGroupsPageRefreshesIt() {
        sandbox.addCustomerGroup(CORP_ID, GROUP, "会员福利一群", "zhangsan", List.of("someone"));
        Console console = loginOperator(newOperator(OperatorRole.VIEWER, 0));

        assertThat(listed(console)).containsEntry(GROUP, 1);
        int asked = sandbox.received(GROUP_GET).size();
        assertThat(listed(console)).containsEntry(GROUP, 1);
        assertThat(sandbox.received(GROUP_GET))
                .as("the second list asked WeCom nothing")
                .hasSize(asked);

        sandbox.addCustomerGroup(CORP_ID, GROUP, "会员福利一群", "zhangsan", List.of("someone", "another"));
        assertThat(console.get("/console/api/groups/" + GROUP)
                        .json()
                        .get("memberCount")
                        .asInt())
                .isEqualTo(2);
        assertThat(listed(console)).as("the group's own page refreshed it").containsEntry(GROUP, 2);

        sandbox.addCustomerGroup(CORP_ID, GROUP, "会员福利一群", "zhangsan", List.of("someone"));
        assertThat(listed(console)).as("still within ten minutes").containsEntry(GROUP, 2);
        clock.set(clock.instant().plus(CustomerGroups.SUMMARY_FRESH).plusSeconds(1));
        assertThat(listed(console)).containsEntry(GROUP, 1);
    }

    @Test
    void aNoticeIsQueuedOnceAndSentThroughTheGroupsRobot() {
        sandbox.addCustomerGroup(CORP_ID, GROUP, "会员福利一群", "zhangsan", List.of("someone"));
        Console console = loginOperator(newOperator(OperatorRole.OPERATOR, 0));
        Map<String, Object> notice = Map.of(
                "markdown", "**会员日** 本周六双倍积分", "requestId", UUID.randomUUID().toString());

        Http.Response queued = console.post("/console/api/groups/" + GROUP + "/broadcasts", notice);
        Http.Response again = console.post("/console/api/groups/" + GROUP + "/broadcasts", notice);

        assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
        assertThat(again.json().get("id")).isEqualTo(queued.json().get("id"));
        Eventually.await(PATIENCE, "the notice sent", () -> "SENT".equals(status(console, 0)));
        List<ReceivedRequest> sent = sandbox.received(WEBHOOK);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).query().get("key")).isEqualTo(SandboxGroups.VIP_ROBOT_KEY);
        assertThat(sent.get(0).json()).containsEntry("msgtype", "markdown");
        assertThat(sent.get(0).body()).contains("本周六双倍积分");
    }

    @Test
    void aRobotSendsTwentyNoticesAMinuteAndTheRestWaitForTheNextMinute() {
        sandbox.addCustomerGroup(CORP_ID, GROUP, "会员福利一群", "zhangsan", List.of("someone"));
        Console console = loginOperator(newOperator(OperatorRole.OPERATOR, 0));
        Broadcasts queue = gateway.bean(Broadcasts.class);
        for (int i = 1; i <= 21; i++) {
            queue.enqueue(
                    GROUP,
                    "第 " + i + " 条通知",
                    console.userId(),
                    UUID.randomUUID().toString());
        }

        Eventually.await(
                PATIENCE, "twenty sent", () -> sandbox.received(WEBHOOK).size() == 20);
        Eventually.holdsFor(
                Duration.ofMillis(600),
                "the 21st waits",
                () -> sandbox.received(WEBHOOK).size() == 20);
        JsonNode newest = console.get("/console/api/groups/" + GROUP + "/broadcasts")
                .json()
                .get("broadcasts")
                .get(0);
        assertThat(newest.get("status").asText()).isEqualTo("QUEUED");
        assertThat(newest.get("position").asInt()).isEqualTo(1);

        clock.set(clock.instant().plusSeconds(61));

        Eventually.await(PATIENCE, "the 21st sent", () -> "SENT".equals(status(console, 0)));
        assertThat(sandbox.received(WEBHOOK)).hasSize(21);
        assertThat(sandbox.received(WEBHOOK))
                .noneSatisfy(r -> assertThat(r.body()).contains("45009"));
    }

    @Test
    void aNoticeLeftHalfSentByAStoppedGatewayIsShownFailedAfterItsLeaseAndNotSentAgain() {
        sandbox.addCustomerGroup(CORP_ID, GROUP, "会员福利一群", "zhangsan", List.of("someone"));
        Console console = loginOperator(newOperator(OperatorRole.OPERATOR, 0));
        Broadcasts queue = gateway.bean(Broadcasts.class);
        BroadcastSender sender = gateway.bean(BroadcastSender.class);
        sender.stop();
        try {
            queue.enqueue(
                    GROUP,
                    "**会员日** 本周六双倍积分",
                    console.userId(),
                    UUID.randomUUID().toString());
            // a gateway takes it for sending and stops before it knows the outcome
            assertThat(queue.takeNext(GROUP)).isPresent();

            sender.sendWhatFits();
            assertThat(status(console, 0))
                    .as("within its lease it is still being sent")
                    .isEqualTo("SENDING");

            clock.set(clock.instant().plus(Broadcasts.SENDING_LEASE).plusSeconds(1));
            sender.sendWhatFits();
            sender.sendWhatFits();

            JsonNode notice = console.get("/console/api/groups/" + GROUP + "/broadcasts")
                    .json()
                    .get("broadcasts")
                    .get(0);
            assertThat(notice.get("status").asText()).isEqualTo("FAILED");
            assertThat(notice.get("error").asText()).isEqualTo(BroadcastSender.INTERRUPTED);
            assertThat(queue.abandoned()).as("handed over once").isEmpty();
            assertThat(sandbox.received(WEBHOOK))
                    .as("never posted a second time")
                    .isEmpty();
        } finally {
            sender.start();
        }
    }

    @Test
    void aViewerCannotBroadcastAndAGroupWithoutRobotIsRefused() {
        Console viewer = loginOperator(newOperator(OperatorRole.VIEWER, 0));
        Console operator = loginOperator(newOperator(OperatorRole.OPERATOR, 0));
        Map<String, Object> notice =
                Map.of("markdown", "hello", "requestId", UUID.randomUUID().toString());

        assertThat(viewer.post("/console/api/groups/" + GROUP + "/broadcasts", notice)
                        .status())
                .isEqualTo(403);
        Http.Response noRobot = operator.post("/console/api/groups/wrno_robot_group/broadcasts", notice);
        assertThat(noRobot.status()).isEqualTo(400);
        assertThat(noRobot.json().get("message").asText()).contains("群机器人");
        assertThat(sandbox.received(WEBHOOK)).isEmpty();
    }

    /** The group list: chat id to member count. */
    private static Map<String, Integer> listed(Console console) {
        Map<String, Integer> out = new java.util.HashMap<>();
        console.get("/console/api/groups")
                .json()
                .get("groups")
                .forEach(g ->
                        out.put(g.get("chatId").asText(), g.get("memberCount").asInt()));
        return out;
    }

    private static String status(Console console, int index) {
        JsonNode list = console.get("/console/api/groups/" + GROUP + "/broadcasts")
                .json()
                .get("broadcasts");
        return list.size() > index ? list.get(index).get("status").asText() : null;
    }
}
