package com.tierpoint.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WeComTest {

    private static final String MARKDOWN =
            "{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"**3** members upgraded\"}}";

    private final SandboxFixture fixture = new SandboxFixture();
    private final WeChatSandbox sandbox = fixture.sandbox;

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void gettokenAnswersTheSameTokenWhileItIsValid() {
        Map<String, Object> first = token(SandboxFixture.CORP_SECRET);
        Map<String, Object> again = token(SandboxFixture.CORP_SECRET);

        assertThat(first)
                .containsEntry("errcode", 0)
                .containsEntry("errmsg", "ok")
                .containsEntry("expires_in", 7200);
        assertThat(again.get("access_token")).isEqualTo(first.get("access_token"));
        assertThat(sandbox.tokenIssuances(SandboxFixture.CORP)).isEqualTo(1);
        assertThat(sandbox.received("/cgi-bin/gettoken").get(0).query()).containsEntry("corpsecret", "***");
    }

    @Test
    void gettokenWithAWrongSecretAnswers40001() {
        assertThat(token("wrong")).containsEntry("errcode", 40001);
    }

    @Test
    void oauthCodeGivesTheUserIdOnce() {
        String token = token(SandboxFixture.CORP_SECRET).get("access_token").toString();
        String code = sandbox.wecomOAuthCode(SandboxFixture.CORP, "zhangsan");

        var first =
                SandboxFixture.json(fixture.get("/cgi-bin/auth/getuserinfo?access_token=" + token + "&code=" + code));
        var again =
                SandboxFixture.json(fixture.get("/cgi-bin/auth/getuserinfo?access_token=" + token + "&code=" + code));

        assertThat(first).containsEntry("errcode", 0).containsEntry("userid", "zhangsan");
        assertThat(again).containsEntry("errcode", 40029).containsEntry("errmsg", "invalid code");
    }

    @Test
    void getuserinfoWithAnUnknownTokenAnswers40014() {
        String code = sandbox.wecomOAuthCode(SandboxFixture.CORP, "zhangsan");

        var answer = SandboxFixture.json(fixture.get("/cgi-bin/auth/getuserinfo?access_token=nope&code=" + code));

        assertThat(answer).containsEntry("errcode", 40014);
    }

    @Test
    void aCustomerGroupListsItsOwnerAndItsWeChatMembersWithUnionids() {
        sandbox.addCustomerGroup(
                SandboxFixture.CORP, "wrgroup1", "VIP 一群", "zhangsan", java.util.List.of("alice", "bob"));
        String token = token(SandboxFixture.CORP_SECRET).get("access_token").toString();

        var list = SandboxFixture.json(fixture.post(
                "/cgi-bin/externalcontact/groupchat/list?access_token=" + token, "{\"status_filter\":0,\"limit\":10}"));
        var got = SandboxFixture.json(fixture.post(
                "/cgi-bin/externalcontact/groupchat/get?access_token=" + token,
                "{\"chat_id\":\"wrgroup1\",\"need_name\":1}"));
        var unknown = SandboxFixture.json(
                fixture.post("/cgi-bin/externalcontact/groupchat/get?access_token=" + token, "{\"chat_id\":\"nope\"}"));

        assertThat(list.get("group_chat_list").toString()).contains("wrgroup1");
        @SuppressWarnings("unchecked")
        var chat = (Map<String, Object>) got.get("group_chat");
        assertThat(chat).containsEntry("name", "VIP 一群").containsEntry("owner", "zhangsan");
        assertThat(chat.get("member_list").toString())
                .contains(sandbox.unionid("alice"))
                .contains(sandbox.unionid("bob"))
                .contains("name=alice");
        assertThat(unknown).containsEntry("errcode", 40050);
    }

    @Test
    void theOAuthPageRedirectsBackWithACodeForTheUserAndTheState() throws Exception {
        var page = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.baseUrl()
                                        + "/connect/oauth2/authorize/confirm?appid=" + SandboxFixture.CORP
                                        + "&redirect_uri=http%3A%2F%2Fconsole.test%2Fback&state=s1&userid=lisi"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        String location = page.headers().firstValue("Location").orElseThrow();
        String code = location.replaceAll(".*code=([^&]+).*", "$1");
        String token = token(SandboxFixture.CORP_SECRET).get("access_token").toString();

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(location).startsWith("http://console.test/back?code=").endsWith("&state=s1");
        assertThat(SandboxFixture.json(
                        fixture.get("/cgi-bin/auth/getuserinfo?access_token=" + token + "&code=" + code)))
                .containsEntry("userid", "lisi");
    }

    @Test
    void webhookTakesTwentyMessagesAMinutePerKey() {
        for (int i = 0; i < 20; i++) {
            assertThat(SandboxFixture.json(fixture.post("/cgi-bin/webhook/send?key=ops", MARKDOWN)))
                    .containsEntry("errcode", 0);
        }

        assertThat(SandboxFixture.json(fixture.post("/cgi-bin/webhook/send?key=ops", MARKDOWN)))
                .containsEntry("errcode", 45009)
                .containsEntry("errmsg", "api freq out of limit");
        assertThat(SandboxFixture.json(fixture.post("/cgi-bin/webhook/send?key=other", MARKDOWN)))
                .containsEntry("errcode", 0);

        fixture.clock.advance(Duration.ofMinutes(1));
        assertThat(SandboxFixture.json(fixture.post("/cgi-bin/webhook/send?key=ops", MARKDOWN)))
                .containsEntry("errcode", 0);
        assertThat(sandbox.received("/cgi-bin/webhook/send")).hasSize(23);
        assertThat(sandbox.received("/cgi-bin/webhook/send").get(0).json()).containsEntry("msgtype", "markdown");
    }

    @Test
    void webhookTextWithoutContentAnswers44004() {
        assertThat(SandboxFixture.json(fixture.post(
                        "/cgi-bin/webhook/send?key=ops", "{\"msgtype\":\"text\",\"text\":{\"content\":\"\"}}")))
                .containsEntry("errcode", 44004);
    }

    private Map<String, Object> token(String secret) {
        return SandboxFixture.json(
                fixture.get("/cgi-bin/gettoken?corpid=" + SandboxFixture.CORP + "&corpsecret=" + secret));
    }
}
