package com.tierpoint.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.scheme.WxMaGenerateSchemeRequest;
import cn.binarywang.wx.miniapp.bean.urllink.GenerateUrlLinkRequest;
import me.chanjar.weixin.common.error.WxErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LinksTest {

    private final SandboxFixture fixture = new SandboxFixture();
    private final WxMaService wx = fixture.miniApp();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void urlLinkIsAWxaurlAddress() throws WxErrorException {
        String link = wx.getLinkService()
                .generateUrlLink(GenerateUrlLinkRequest.builder()
                        .path("pages/invite/invite")
                        .query("inv=AB12")
                        .envVersion("release")
                        .build());

        assertThat(link).matches("https://wxaurl\\.cn/[A-Za-z0-9]{12}");
        assertThat(fixture.sandbox.received("/wxa/generate_urllink").get(0).json())
                .containsEntry("path", "pages/invite/invite")
                .containsEntry("query", "inv=AB12");
    }

    @Test
    void schemeIsAWeixinOpenlink() throws WxErrorException {
        String openlink = wx.getWxMaSchemeService()
                .generate(WxMaGenerateSchemeRequest.newBuilder()
                        .jumpWxa(WxMaGenerateSchemeRequest.JumpWxa.newBuilder()
                                .path("pages/invite/invite")
                                .query("inv=AB12")
                                .build())
                        .build());

        assertThat(openlink).matches("weixin://dl/business/\\?t=[A-Za-z0-9]{12}");
    }
}
