package com.tierpoint.gateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.urllink.GenerateUrlLinkRequest;
import java.time.Duration;
import java.util.Map;
import me.chanjar.weixin.common.error.WxErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccessTokenTest {

    private static final String URL_LINK = "/wxa/generate_urllink";

    private final SandboxFixture fixture = new SandboxFixture();
    private final WeChatSandbox sandbox = fixture.sandbox;
    private final WxMaService wx = fixture.miniApp();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void tokenIsFetchedOnceAndReused() throws WxErrorException {
        urlLink();
        urlLink();

        assertThat(sandbox.tokenIssuances(SandboxFixture.MINI_APP)).isEqualTo(1);
        assertThat(sandbox.received(URL_LINK))
                .allSatisfy(r -> assertThat(r.query()).containsKey("access_token"));
    }

    @Test
    void expiredTokensMakeWxJavaFetchANewOneAndRetry() throws WxErrorException {
        urlLink();
        sandbox.faults().expireTokens();

        assertThat(urlLink()).startsWith("https://wxaurl.cn/");
        assertThat(sandbox.tokenIssuances(SandboxFixture.MINI_APP)).isEqualTo(2);
        assertThat(sandbox.received(URL_LINK)).hasSize(3);
    }

    @Test
    void a40001FaultRevokesTheTokenUsedSoWxJavaRefreshesAndRetries() throws WxErrorException {
        urlLink();
        sandbox.faults().failNext(URL_LINK, 40001, 1);

        assertThat(urlLink()).startsWith("https://wxaurl.cn/");
        assertThat(sandbox.tokenIssuances(SandboxFixture.MINI_APP)).isEqualTo(2);
        var calls = sandbox.received(URL_LINK);
        assertThat(calls).hasSize(3);
        assertThat(calls.get(2).query().get("access_token"))
                .isNotEqualTo(calls.get(1).query().get("access_token"));
    }

    @Test
    void tokenPastItsTwoHoursAnswers42001AndWxJavaRefreshes() throws WxErrorException {
        urlLink();
        fixture.clock.advance(Duration.ofHours(2).plusSeconds(1));

        urlLink();

        assertThat(sandbox.tokenIssuances(SandboxFixture.MINI_APP)).isEqualTo(2);
        assertThat(sandbox.received(URL_LINK)).hasSize(3);
    }

    @Test
    void newTokenLeavesThePreviousOneValidForFiveMinutesOnly() {
        String first = fetchToken();
        String second = fetchToken();

        assertThat(errcode(generateWith(first))).isZero();
        fixture.clock.advance(Duration.ofMinutes(5));
        assertThat(errcode(generateWith(first))).isEqualTo(40001);
        assertThat(errcode(generateWith(second))).isZero();
    }

    @Test
    void stableTokenIsTheSameUntilForcedToRefresh() {
        String body = "{\"grant_type\":\"client_credential\",\"appid\":\"" + SandboxFixture.MINI_APP
                + "\",\"secret\":\"" + SandboxFixture.MINI_SECRET + "\",\"force_refresh\":%s}";

        Object first = SandboxFixture.json(fixture.post("/cgi-bin/stable_token", body.formatted(false)))
                .get("access_token");
        Object again = SandboxFixture.json(fixture.post("/cgi-bin/stable_token", body.formatted(false)))
                .get("access_token");
        Object forced = SandboxFixture.json(fixture.post("/cgi-bin/stable_token", body.formatted(true)))
                .get("access_token");

        assertThat(again).isEqualTo(first);
        assertThat(forced).isNotEqualTo(first);
        assertThat(sandbox.received("/cgi-bin/stable_token").get(0).json()).containsEntry("secret", "***");
    }

    @Test
    void busyOnceIsRetriedByWxJavaItself() throws WxErrorException {
        urlLink();
        sandbox.faults().failNext(URL_LINK, -1, 1);

        assertThat(urlLink()).startsWith("https://wxaurl.cn/");
        assertThat(sandbox.received(URL_LINK)).hasSize(3);
    }

    @Test
    void busySixTimesInARowExhaustsWxJavasFiveRetriesAndSurfacesAsMinusOne() {
        sandbox.faults().failNext(URL_LINK, -1, 6);

        assertThatThrownBy(this::urlLink).isInstanceOfSatisfying(WxErrorException.class, e -> {
            assertThat(e.getError().getErrorCode()).isEqualTo(-1);
            assertThat(e.getError().getErrorMsg()).isEqualTo("微信服务端异常，超出重试次数！");
        });
        assertThat(sandbox.received(URL_LINK)).hasSize(6);
    }

    @Test
    void unknownAppIdAnswers40013() {
        var response = fixture.get("/cgi-bin/token?grant_type=client_credential&appid=wxnobody&secret=x");

        assertThat(SandboxFixture.json(response))
                .containsEntry("errcode", 40013)
                .containsEntry("errmsg", "invalid appid");
    }

    @Test
    void callWithoutTokenAnswers41001() {
        assertThat(errcode(fixture.post(URL_LINK, "{}"))).isEqualTo(41001);
    }

    private String urlLink() throws WxErrorException {
        return wx.getLinkService()
                .generateUrlLink(GenerateUrlLinkRequest.builder()
                        .path("pages/index/index")
                        .query("from=test")
                        .build());
    }

    private String fetchToken() {
        return SandboxFixture.json(fixture.get("/cgi-bin/token?grant_type=client_credential&appid="
                        + SandboxFixture.MINI_APP + "&secret=" + SandboxFixture.MINI_SECRET))
                .get("access_token")
                .toString();
    }

    private java.net.http.HttpResponse<String> generateWith(String token) {
        return fixture.post(URL_LINK + "?access_token=" + token, "{\"path\":\"pages/index/index\"}");
    }

    private static int errcode(java.net.http.HttpResponse<String> response) {
        Map<String, Object> json = SandboxFixture.json(response);
        return ((Number) json.get("errcode")).intValue();
    }
}
