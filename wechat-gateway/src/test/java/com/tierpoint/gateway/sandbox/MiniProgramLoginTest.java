package com.tierpoint.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import java.time.Duration;
import me.chanjar.weixin.common.error.WxErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MiniProgramLoginTest {

    private final SandboxFixture fixture = new SandboxFixture();
    private final WeChatSandbox sandbox = fixture.sandbox;
    private final WxMaService wx = fixture.miniApp();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void codeFromWxLoginGivesTheUsersOpenidUnionidAndASessionKey() throws WxErrorException {
        String code = sandbox.wxLogin(SandboxFixture.MINI_APP, "alice");

        WxMaJscode2SessionResult session = wx.getUserService().getSessionInfo(code);

        assertThat(session.getOpenid()).isEqualTo(sandbox.openid(SandboxFixture.MINI_APP, "alice"));
        assertThat(session.getUnionid()).isEqualTo(sandbox.unionid("alice"));
        assertThat(session.getSessionKey()).hasSize(24);
        assertThat(sandbox.received("/sns/jscode2session")).singleElement().satisfies(r -> assertThat(r.query())
                .containsEntry("js_code", code)
                .containsEntry("secret", Redaction.MASK));
    }

    @Test
    void openidsAreStablePerAppAndDifferAcrossApps() {
        sandbox.registerMiniApp("wxotherapp", "other-secret");

        assertThat(sandbox.openid(SandboxFixture.MINI_APP, "alice"))
                .isEqualTo(sandbox.openid(SandboxFixture.MINI_APP, "alice"))
                .isNotEqualTo(sandbox.openid("wxotherapp", "alice"))
                .isNotEqualTo(sandbox.openid(SandboxFixture.MINI_APP, "bob"))
                .startsWith("o")
                .hasSize(28);
    }

    @Test
    void codeUsedTwiceAnswers40163() throws WxErrorException {
        String code = sandbox.wxLogin(SandboxFixture.MINI_APP, "alice");
        wx.getUserService().getSessionInfo(code);

        assertThatThrownBy(() -> wx.getUserService().getSessionInfo(code))
                .isInstanceOfSatisfying(
                        WxErrorException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(40163));
    }

    @Test
    void unknownCodeAnswers40029() {
        assertThatThrownBy(() -> wx.getUserService().getSessionInfo("not-a-code"))
                .isInstanceOfSatisfying(
                        WxErrorException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(40029));
    }

    @Test
    void codeOlderThanFiveMinutesAnswers40029() {
        String code = sandbox.wxLogin(SandboxFixture.MINI_APP, "alice");
        fixture.clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertThatThrownBy(() -> wx.getUserService().getSessionInfo(code))
                .isInstanceOfSatisfying(
                        WxErrorException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(40029));
    }

    @Test
    void wrongSecretIsRejectedWith40125AlreadyWhenFetchingTheToken() {
        String code = sandbox.wxLogin(SandboxFixture.MINI_APP, "alice");
        WxMaService wrongSecret = fixture.miniApp("not-the-secret");

        assertThatThrownBy(() -> wrongSecret.getUserService().getSessionInfo(code))
                .isInstanceOfSatisfying(
                        WxErrorException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(40125));
        assertThat(sandbox.received("/cgi-bin/token")).hasSize(1);
        assertThat(sandbox.received("/sns/jscode2session")).isEmpty();
    }

    @Test
    void codeToSessionWithAWrongSecretAnswers40125() {
        String code = sandbox.wxLogin(SandboxFixture.MINI_APP, "alice");

        var response = fixture.get("/sns/jscode2session?appid=" + SandboxFixture.MINI_APP + "&secret=wrong&js_code="
                + code + "&grant_type=authorization_code");

        assertThat(SandboxFixture.json(response)).containsEntry("errcode", 40125);
    }
}
