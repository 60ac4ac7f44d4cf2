package com.tierpoint.gateway.sandbox;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

/** A started sandbox with one mini-program, one official account and one corp, and real WxJava clients for it. */
final class SandboxFixture implements AutoCloseable {

    static final String MINI_APP = "wxminiapp000001";
    static final String MINI_SECRET = "mini-secret";
    static final String OFFICIAL_ACCOUNT = "wxofficial00001";
    static final String OFFICIAL_SECRET = "official-secret";
    static final String CORP = "wwcorp000000001";
    static final String CORP_SECRET = "corp-secret";

    final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
    final WeChatSandbox sandbox = WeChatSandbox.start("127.0.0.1", 0, clock);
    private final HttpClient http = HttpClient.newHttpClient();

    SandboxFixture() {
        sandbox.registerMiniApp(MINI_APP, MINI_SECRET);
        sandbox.registerOfficialAccount(OFFICIAL_ACCOUNT, OFFICIAL_SECRET);
        sandbox.registerCorp(CORP, CORP_SECRET);
    }

    /** A WxJava mini-program client as the gateway builds it, pointed at the sandbox; -1 retries do not wait. */
    WxMaService miniApp() {
        return miniApp(MINI_SECRET);
    }

    WxMaService miniApp(String secret) {
        WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
        config.setAppid(MINI_APP);
        config.setSecret(secret);
        config.setApiHostUrl(sandbox.baseUrl());
        WxMaServiceImpl service = new WxMaServiceImpl();
        service.setWxMaConfig(config);
        service.setRetrySleepMillis(0);
        return service;
    }

    WxMpService officialAccount() {
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setAppId(OFFICIAL_ACCOUNT);
        config.setSecret(OFFICIAL_SECRET);
        WxMpHostConfig hosts = new WxMpHostConfig();
        hosts.setApiHost(sandbox.baseUrl());
        hosts.setMpHost(sandbox.baseUrl());
        hosts.setOpenHost(sandbox.baseUrl());
        config.setHostConfig(hosts);
        WxMpServiceImpl service = new WxMpServiceImpl();
        service.setWxMpConfigStorage(config);
        service.setRetrySleepMillis(0);
        return service;
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + pathAndQuery))
                .GET()
                .build());
    }

    HttpResponse<String> post(String pathAndQuery, String json) {
        return send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + pathAndQuery))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    static Map<String, Object> json(HttpResponse<String> response) {
        return new ReceivedRequest(Instant.EPOCH, "", "", Map.of(), response.body()).json();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
