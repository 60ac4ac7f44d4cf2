package com.tierpoint.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import java.util.List;
import java.util.Map;
import me.chanjar.weixin.common.error.WxErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SandboxControlTest {

    private final SandboxFixture fixture = new SandboxFixture();
    private final WeChatSandbox sandbox = fixture.sandbox;

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void wxLoginOverHttpGivesACodeTheRealClientCanExchange() throws WxErrorException {
        var response = fixture.post("/sandbox/wx-login", "{\"user\":\"alice\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        String code = SandboxFixture.json(response).get("code").toString();
        WxMaJscode2SessionResult session = fixture.miniApp().getUserService().getSessionInfo(code);
        assertThat(session.getOpenid()).isEqualTo(sandbox.openid(SandboxFixture.MINI_APP, "alice"));
    }

    @Test
    void wxLoginNeedsTheAppIdWhenSeveralMiniProgramsAreRegistered() {
        sandbox.registerMiniApp("wxotherapp", "other-secret");

        var response = fixture.post("/sandbox/wx-login", "{\"user\":\"alice\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SandboxFixture.json(response).get("error").toString()).contains("appId");
    }

    @Test
    void subscriptionsAndFaultsCanBeSetOverHttp() {
        String openid = sandbox.openid(SandboxFixture.MINI_APP, "alice");

        var quota = fixture.post("/sandbox/subscriptions", "{\"openid\":\"" + openid + "\",\"templateId\":\"tmpl-1\"}");
        var fault =
                fixture.post("/sandbox/faults", "{\"path\":\"/wxa/generate_urllink\",\"errcode\":45009,\"times\":1}");

        assertThat(SandboxFixture.json(quota)).containsEntry("quota", 1);
        assertThat(fault.statusCode()).isEqualTo(200);
        assertThat(sandbox.quota(SandboxFixture.MINI_APP, openid, "tmpl-1")).isEqualTo(1);
    }

    @Test
    void receivedRequestsCanBeListedOverHttpByPathAndControlsAreNotRecorded() {
        fixture.get("/cgi-bin/token?grant_type=client_credential&appid=" + SandboxFixture.MINI_APP + "&secret=s");
        fixture.post("/cgi-bin/webhook/send?key=ops", "{\"msgtype\":\"text\",\"text\":{\"content\":\"hi\"}}");

        var response = fixture.get("/sandbox/received?path=/cgi-bin/token");

        List<Map<String, Object>> received = listOf(response.body());
        assertThat(received).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("method", "GET")
                .containsEntry("path", "/cgi-bin/token")
                .containsEntry(
                        "query",
                        Map.of("grant_type", "client_credential", "appid", SandboxFixture.MINI_APP, "secret", "***")));
        assertThat(sandbox.received())
                .extracting(ReceivedRequest::path)
                .containsExactly("/cgi-bin/token", "/cgi-bin/webhook/send");
    }

    @Test
    void resetForgetsReceivedRequestsAndFaultsButKeepsRegistrations() {
        fixture.post("/cgi-bin/webhook/send?key=ops", "{\"msgtype\":\"text\",\"text\":{\"content\":\"hi\"}}");
        sandbox.faults().failNext("/cgi-bin/webhook/send", -1, 1);

        sandbox.reset();

        assertThat(sandbox.received()).isEmpty();
        assertThat(SandboxFixture.json(fixture.post(
                        "/cgi-bin/webhook/send?key=ops", "{\"msgtype\":\"text\",\"text\":{\"content\":\"hi\"}}")))
                .containsEntry("errcode", 0);
        assertThat(sandbox.wxLogin(SandboxFixture.MINI_APP, "alice")).isNotBlank();
    }

    @Test
    void unknownApiPathAnswers404WithAWeChatError() {
        var response = fixture.get("/cgi-bin/nothing-here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(SandboxFixture.json(response)).containsEntry("errcode", 40066);
    }

    private static List<Map<String, Object>> listOf(String json) {
        try {
            return SandboxResponse.JSON.readValue(
                    json, new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() {});
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
