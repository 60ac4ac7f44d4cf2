package com.tierpoint.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.card.membercard.WxMpMemberCardActivatedMessage;
import me.chanjar.weixin.mp.bean.card.membercard.WxMpMemberCardUpdateMessage;
import me.chanjar.weixin.mp.bean.card.membercard.WxMpMemberCardUpdateResult;
import me.chanjar.weixin.mp.bean.card.membercard.WxMpMemberCardUserInfoResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MemberCardTest {

    private static final String CARD = "pFS7Fjg8kV1IdDz01r4SQwMkuCKc";
    private static final String CODE = "110201201245";

    private final SandboxFixture fixture = new SandboxFixture();
    private final WeChatSandbox sandbox = fixture.sandbox;
    private final WxMpService mp = fixture.officialAccount();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void activationThenUpdateLeaveTheCardStateVisible() throws WxErrorException {
        sandbox.issueMemberCard(SandboxFixture.OFFICIAL_ACCOUNT, CARD, CODE, "alice");
        mp.getMemberCardService().activateMemberCard(activation());

        WxMpMemberCardUpdateMessage update = new WxMpMemberCardUpdateMessage();
        update.setCardId(CARD);
        update.setCode(CODE);
        update.setAddBonus(30);
        update.setRecordBonus("Check-in");
        update.setCustomFieldValue1("GOLD");
        WxMpMemberCardUpdateResult result = mp.getMemberCardService().updateUserMemberCard(update);

        assertThat(result.getResultBonus()).isEqualTo(130);
        assertThat(result.getOpenId()).isEqualTo(sandbox.openid(SandboxFixture.OFFICIAL_ACCOUNT, "alice"));
        assertThat(sandbox.memberCard(CARD, CODE))
                .containsEntry("membership_number", "M0001")
                .containsEntry("bonus", 130)
                .containsEntry("record_bonus", "Check-in")
                .containsEntry("custom_field_value1", "GOLD")
                .containsEntry("custom_field_value2", "2025-12-31")
                .containsEntry("activated", true);
        assertThat(sandbox.tokenIssuances(SandboxFixture.OFFICIAL_ACCOUNT)).isEqualTo(1);
    }

    @Test
    void userInfoReportsBonusAndActivation() throws WxErrorException {
        mp.getMemberCardService().activateMemberCard(activation());

        WxMpMemberCardUserInfoResult info = mp.getMemberCardService().getUserInfo(CARD, CODE);

        assertThat(info.getBonus()).isEqualTo(100);
        assertThat(info.getMembershipNumber()).isEqualTo("M0001");
        assertThat(info.getHasActive()).isTrue();
    }

    @Test
    void updatingAnUnknownCodeAnswers40056() {
        WxMpMemberCardUpdateMessage update = new WxMpMemberCardUpdateMessage();
        update.setCardId(CARD);
        update.setCode("000000");
        update.setBonus(5);

        assertThatThrownBy(() -> mp.getMemberCardService().updateUserMemberCard(update))
                .isInstanceOfSatisfying(
                        WxErrorException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(40056));
        assertThat(sandbox.memberCard(CARD, "000000")).isEmpty();
    }

    @Test
    void miniProgramTokenIsNotAcceptedForCards() {
        String token = SandboxFixture.json(fixture.get("/cgi-bin/token?grant_type=client_credential&appid="
                        + SandboxFixture.MINI_APP + "&secret=" + SandboxFixture.MINI_SECRET))
                .get("access_token")
                .toString();

        var response = fixture.post(
                "/card/membercard/updateuser?access_token=" + token,
                "{\"card_id\":\"" + CARD + "\",\"code\":\"" + CODE + "\",\"bonus\":1}");

        assertThat(SandboxFixture.json(response)).containsEntry("errcode", 40001);
    }

    private static WxMpMemberCardActivatedMessage activation() {
        WxMpMemberCardActivatedMessage activation = new WxMpMemberCardActivatedMessage();
        activation.setCardId(CARD);
        activation.setCode(CODE);
        activation.setMembershipNumber("M0001");
        activation.setInitBonus(100);
        activation.setInitCustomFieldValue1("SILVER");
        activation.setInitCustomFieldValue2("2025-12-31");
        return activation;
    }
}
