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
