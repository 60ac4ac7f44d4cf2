package com.tierpoint.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import java.util.List;
import me.chanjar.weixin.common.error.WxErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SubscribeMessageTest {

    private static final String TEMPLATE = "tmpl-points-expiring";

    private final SandboxFixture fixture = new SandboxFixture();
    private final WeChatSandbox sandbox = fixture.sandbox;
    private final WxMaService wx = fixture.miniApp();
    private final String alice = sandbox.openid(SandboxFixture.MINI_APP, "alice");

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void sendingSpendsOneAllowanceTheUserGave() throws WxErrorException {
        sandbox.acceptSubscription(SandboxFixture.MINI_APP, alice, TEMPLATE);
        sandbox.acceptSubscription(SandboxFixture.MINI_APP, alice, TEMPLATE);

        wx.getMsgService().sendSubscribeMsg(message(alice));

        assertThat(sandbox.quota(SandboxFixture.MINI_APP, alice, TEMPLATE)).isEqualTo(1);
        assertThat(sandbox.received("/cgi-bin/message/subscribe/send").get(0).json())
                .containsEntry("touser", alice)
                .containsEntry("template_id", TEMPLATE)
                .containsEntry("page", "pages/points/points");
    }

    @Test
    void sendingWithoutAllowanceAnswers43101() throws WxErrorException {
        sandbox.acceptSubscription(SandboxFixture.MINI_APP, alice, TEMPLATE);
        wx.getMsgService().sendSubscribeMsg(message(alice));

        assertThatThrownBy(() -> wx.getMsgService().sendSubscribeMsg(message(alice)))
                .isInstanceOfSatisfying(
                        WxErrorException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(43101));
    }

    @Test
    void sendingToAnOpenidTheAppNeverIssuedAnswers40003() {
        sandbox.registerMiniApp("wxotherapp", "other-secret");
        String ofOtherApp = sandbox.openid("wxotherapp", "bob");
        sandbox.acceptSubscription(SandboxFixture.MINI_APP, ofOtherApp, TEMPLATE);

        assertThatThrownBy(() -> wx.getMsgService().sendSubscribeMsg(message(ofOtherApp)))
                .isInstanceOfSatisfying(
                        WxErrorException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(40003));
    }

    @Test
    void dailyQuotaFaultSurfacesAs45009WithoutRetryAndKeepsTheAllowance() {
        sandbox.acceptSubscription(SandboxFixture.MINI_APP, alice, TEMPLATE);
        sandbox.faults().failNext("/cgi-bin/message/subscribe/send", 45009, 1);

        assertThatThrownBy(() -> wx.getMsgService().sendSubscribeMsg(message(alice)))
                .isInstanceOfSatisfying(WxErrorException.class, e -> {
                    assertThat(e.getError().getErrorCode()).isEqualTo(45009);
                    assertThat(e.getError().getErrorMsgEn()).isEqualTo("reach max api daily quota limit");
                });
        assertThat(sandbox.received("/cgi-bin/message/subscribe/send")).hasSize(1);
        assertThat(sandbox.quota(SandboxFixture.MINI_APP, alice, TEMPLATE)).isEqualTo(1);
    }

    @Test
    void aFaultMeantForOneUserLeavesOtherUsersSendsAlone() throws WxErrorException {
        String bob = sandbox.openid(SandboxFixture.MINI_APP, "bob");
        sandbox.acceptSubscription(SandboxFixture.MINI_APP, alice, TEMPLATE);
        sandbox.acceptSubscription(SandboxFixture.MINI_APP, bob, TEMPLATE);
        sandbox.faults()
                .failNext(
                        "/cgi-bin/message/subscribe/send",
                        45009,
                        1,
                        r -> alice.equals(r.json().get("touser")));

        wx.getMsgService().sendSubscribeMsg(message(bob));
        assertThatThrownBy(() -> wx.getMsgService().sendSubscribeMsg(message(alice)))
                .isInstanceOfSatisfying(
                        WxErrorException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(45009));
        wx.getMsgService().sendSubscribeMsg(message(alice));

        assertThat(sandbox.quota(SandboxFixture.MINI_APP, bob, TEMPLATE)).isZero();
        assertThat(sandbox.quota(SandboxFixture.MINI_APP, alice, TEMPLATE)).isZero();
    }

    private static WxMaSubscribeMessage message(String openid) {
        return WxMaSubscribeMessage.builder()
                .toUser(openid)
                .templateId(TEMPLATE)
                .page("pages/points/points")
                .data(List.of(new WxMaSubscribeMessage.MsgData("thing1", "120 points expire soon")))
                .miniprogramState("formal")
                .lang("zh_CN")
                .build();
    }
}
