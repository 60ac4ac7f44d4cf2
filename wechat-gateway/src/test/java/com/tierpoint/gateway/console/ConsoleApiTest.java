package com.tierpoint.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tierpoint.gateway.support.Http;
import com.tierpoint.proto.v1.GetBalanceRequest;
import com.tierpoint.proto.v1.ListAuditRequest;
import com.tierpoint.proto.v1.OperatorRole;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The console's API over real HTTP: WeCom login, roles, CSRF, lookup and audited, capped adjustments. */
class ConsoleApiTest extends ConsoleTestBase {

    @Test
    void anOperatorLogsInThroughWeComOAuthAndSeesTheirRoleAndQuota() {
        String userId = newOperator(OperatorRole.OPERATOR, 500);

        Console console = loginOperator(userId);

        JsonNode me = console.get("/console/api/me").json();
        assertThat(me.get("userId").asText()).isEqualTo(userId);
        assertThat(me.get("role").asText()).isEqualTo("OPERATOR");
        assertThat(me.get("remainingToday").asLong()).isEqualTo(500);
        assertThat(sandbox.received("/cgi-bin/auth/getuserinfo")).hasSize(1);
    }

    @Test
    void aWeComUserWhoIsNotAnOperatorGetsNoSession() {
        Http.Response start = http.get("/console/login", null);
        String state = query(start.header("Location"), "state");
        String code = sandbox.wecomOAuthCode(CORP_ID, "stranger");

        Http.Response back = http.get("/console/oauth/callback?code=" + code + "&state=" + state, null);

        assertThat(back.status()).isEqualTo(403);
        assertThat(back.header("Set-Cookie")).isNull();
        assertThat(back.text()).contains("stranger").contains("不是会员计划的运营人员");
        assertThat(operatorsAdmin()
                        .listAudit(ListAuditRequest.newBuilder()
                                .setActorUserId("stranger")
                                .build())
                        .getEntriesList())
                .anySatisfy(e -> assertThat(e.getResult().name()).isEqualTo("REFUSED"));
    }

    @Test
    void anOAuthStateWorksOnceAndAForgedOneNever() {
        String userId = newOperator(OperatorRole.VIEWER, 0);
        String state = query(http.get("/console/login", null).header("Location"), "state");
        String code = sandbox.wecomOAuthCode(CORP_ID, userId);
        assertThat(http.get("/console/oauth/callback?code=" + code + "&state=" + state, null)
                        .status())
                .isEqualTo(302);

        String again = sandbox.wecomOAuthCode(CORP_ID, userId);
        assertThat(http.get("/console/oauth/callback?code=" + again + "&state=" + state, null)
                        .status())
                .isEqualTo(400);
        assertThat(http.get("/console/oauth/callback?code=" + again + "&state=forged", null)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void theApiNeedsTheSessionCookieAndChangesNeedTheCsrfToken() {
        Console console = loginOperator(newOperator(OperatorRole.OPERATOR, 500));
        User member = login();

        assertThat(http.get("/console/api/me", null).status()).isEqualTo(401);
        Http.Response noCsrf =
                http.send(http.builder("/console/api/members/" + member.memberId() + "/adjustments", null)
                        .header("Cookie", console.cookie())
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                Http.json(adjustment(10, "补偿", UUID.randomUUID().toString())))));

        assertThat(noCsrf.status()).isEqualTo(403);
        assertThat(noCsrf.json().get("code").asText()).isEqualTo("CSRF");
        assertThat(balance(member)).isZero();
    }

    @Test
    void membersAreFoundByIdPhoneAndOpenidWithThePhoneMaskedForViewers() {
        User member = login();
        setPhone(member.memberId(), "13800138000");
        Console operator = loginOperator(newOperator(OperatorRole.OPERATOR, 500));
        Console viewer = loginOperator(newOperator(OperatorRole.VIEWER, 0));

        for (String q : new String[] {member.memberId(), "138-0013-8000", member.openid()}) {
            JsonNode found = operator.get("/console/api/members?q=" + q).json().get("members");
            assertThat(found).as(q).hasSize(1);
            assertThat(found.get(0).get("memberId").asText()).isEqualTo(member.memberId());
            assertThat(found.get(0).get("phone").asText()).isEqualTo("13800138000");
        }
        JsonNode seenByViewer =
                viewer.get("/console/api/members?q=13800138000").json().get("members");
        assertThat(seenByViewer.get(0).get("phone").asText()).isEqualTo("138****8000");
        assertThat(operator.get("/console/api/members?q=nobody!").status()).isEqualTo(400);
    }

    @Test
    void aPhoneSharedInTheMiniProgramLetsOperatorsFindTheMember() {
        User member = login();
        String code = sandbox.phoneCode(APP_ID, "13900139000");

        Http.Response shared = http.post("/api/v1/me/phone", Map.of("code", code), member.accessToken());
        Http.Response reused = http.post("/api/v1/me/phone", Map.of("code", code), member.accessToken());

        assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
        assertThat(shared.json().get("phone").asText()).isEqualTo("139****9000");
        assertThat(reused.status()).isEqualTo(400);
        Console console = loginOperator(newOperator(OperatorRole.OPERATOR, 0));
        JsonNode found =
                console.get("/console/api/members?q=13900139000").json().get("members");
        assertThat(found).anySatisfy(m -> assertThat(m.get("memberId").asText()).isEqualTo(member.memberId()));
    }

    @Test
    void aDoubleClickedGrantGrantsOnceAndIsAudited() {
        User member = login();
        Console console = loginOperator(newOperator(OperatorRole.OPERATOR, 500));
        String requestId = UUID.randomUUID().toString();
        String path = "/console/api/members/" + member.memberId() + "/adjustments";

        Http.Response first = console.post(path, adjustment(120, "群活动奖励", requestId));
        Http.Response second = console.post(path, adjustment(120, "群活动奖励", requestId));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(second.json().get("transactionId")).isEqualTo(first.json().get("transactionId"));
        assertThat(balance(member)).isEqualTo(120);
        assertThat(first.json().get("remainingToday").asLong()).isEqualTo(380);
        JsonNode page = console.get("/console/api/members/" + member.memberId()).json();
        assertThat(page.get("transactions").get("items").get(0).get("reason").asText())
                .isEqualTo("群活动奖励");
        assertThat(page.get("audit")).anySatisfy(e -> {
            assertThat(e.get("action").asText()).isEqualTo("points.adjust");
            assertThat(e.get("actor").asText()).isEqualTo(console.userId());
            assertThat(e.get("amount").asLong()).isEqualTo(120);
            assertThat(e.get("result").asText()).isEqualTo("OK");
        });
    }

    @Test
    void aGrantBeyondTheDailyCapIsRefusedWithWhatIsLeftAndChangesNothing() {
        User member = login();
        Console console = loginOperator(newOperator(OperatorRole.OPERATOR, 100));
        String path = "/console/api/members/" + member.memberId() + "/adjustments";
        assertThat(console.post(path, adjustment(80, "补偿", UUID.randomUUID().toString()))
                        .status())
                .isEqualTo(200);

        Http.Response refused =
                console.post(path, adjustment(50, "补偿", UUID.randomUUID().toString()));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("OPERATOR_DAILY_CAP");
        assertThat(refused.json().get("message").asText()).contains("20");
        assertThat(balance(member)).isEqualTo(80);
    }

    @Test
    void aViewerMayLookButNotAdjust() {
        User member = login();
        Console viewer = loginOperator(newOperator(OperatorRole.VIEWER, 1000));

        Http.Response r = viewer.post(
                "/console/api/members/" + member.memberId() + "/adjustments",
                adjustment(10, "补偿", UUID.randomUUID().toString()));

        assertThat(r.status()).isEqualTo(403);
        assertThat(viewer.get("/console/api/members/" + member.memberId()).status())
                .isEqualTo(200);
        assertThat(viewer.get("/console/api/operators").status()).isEqualTo(403);
        assertThat(balance(member)).isZero();
    }

    @Test
    void aDeductionNeverOverdraws() {
        User member = login();
        earn(member.memberId(), 30, "活动奖励");
        Console console = loginOperator(newOperator(OperatorRole.OPERATOR, 1000));

        Http.Response r = console.post(
                "/console/api/members/" + member.memberId() + "/adjustments",
                adjustment(-50, "误发扣回", UUID.randomUUID().toString()));

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("code").asText()).isEqualTo("INSUFFICIENT_POINTS");
        assertThat(balance(member)).isEqualTo(30);
    }

    @Test
    void anAdjustmentWithoutAReasonIsA400WithTheField() {
        User member = login();
        Console console = loginOperator(newOperator(OperatorRole.OPERATOR, 1000));

        Http.Response r = console.post(
                "/console/api/members/" + member.memberId() + "/adjustments",
                Map.of(
                        "amount",
                        10,
                        "reason",
                        " ",
                        "requestId",
                        UUID.randomUUID().toString()));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("reason");
        assertThat(balance(member)).isZero();
    }

    private static long balance(User u) {
        return points().getBalance(
                        GetBalanceRequest.newBuilder().setMemberId(u.memberId()).build())
                .getAvailable();
    }
}
