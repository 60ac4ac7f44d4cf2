package com.tierpoint.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.binarywang.wx.miniapp.api.WxMaService;
import me.chanjar.weixin.common.error.WxErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WxaCodeTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final SandboxFixture fixture = new SandboxFixture();
    private final WxMaService wx = fixture.miniApp();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void unlimitedCodeIsAPngImageTheSameForTheSameScene() throws WxErrorException {
        byte[] first = wx.getQrcodeService()
                .createWxaCodeUnlimitBytes(
                        "inv=AB12CD", "pages/invite/invite", true, "release", 430, false, null, false);
        byte[] again = wx.getQrcodeService()
                .createWxaCodeUnlimitBytes(
                        "inv=AB12CD", "pages/invite/invite", true, "release", 430, false, null, false);
        byte[] other = wx.getQrcodeService()
                .createWxaCodeUnlimitBytes("inv=ZZ99", "pages/invite/invite", true, "release", 430, false, null, false);

        assertThat(first).startsWith(PNG_SIGNATURE).isEqualTo(again).isNotEqualTo(other);
        assertThat(fixture.sandbox.received("/wxa/getwxacodeunlimit").get(0).json())
                .containsEntry("scene", "inv=AB12CD")
                .containsEntry("page", "pages/invite/invite");
    }

    @Test
    void sceneLongerThan32CharactersSurfacesAs40169() {
        String scene = "x".repeat(33);

        assertThatThrownBy(() -> wx.getQrcodeService()
                        .createWxaCodeUnlimitBytes(
                                scene, "pages/index/index", true, "release", 430, false, null, false))
                .isInstanceOfSatisfying(
                        WxErrorException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(40169));
    }

    @Test
    void pageWithALeadingSlashSurfacesAs41030() {
        assertThatThrownBy(() -> wx.getQrcodeService()
                        .createWxaCodeUnlimitBytes(
                                "a=1", "/pages/index/index", true, "release", 430, false, null, false))
                .isInstanceOfSatisfying(
                        WxErrorException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(41030));
    }

    @Test
    void errorsComeAsJsonAndImagesAsPng() {
        String token = SandboxFixture.json(fixture.get("/cgi-bin/token?grant_type=client_credential&appid="
                        + SandboxFixture.MINI_APP + "&secret=" + SandboxFixture.MINI_SECRET))
                .get("access_token")
                .toString();

        var image = fixture.post("/wxa/getwxacodeunlimit?access_token=" + token, "{\"scene\":\"a=1\"}");
        var error = fixture.post("/wxa/getwxacodeunlimit?access_token=" + token, "{\"scene\":\"\"}");

        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(error.headers().firstValue("Content-Type")).hasValue("application/json; charset=UTF-8");
        assertThat(SandboxFixture.json(error))
                .containsEntry("errcode", 40169)
                .containsEntry("errmsg", "invalid length for scene, or the data is not json string");
    }
}
