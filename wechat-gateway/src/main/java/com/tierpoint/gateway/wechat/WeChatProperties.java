package com.tierpoint.gateway.wechat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tierpoint.wechat.*}: the mini-program, the optional Official Account (membership card)
 * and the sandbox.
 *
 * @param apiBaseUrl where WxJava sends its calls. Blank: real WeChat, or in sandbox mode the
 *     embedded sandbox this gateway starts. Tests point it at a sandbox of their own.
 * @param envVersion the mini-program version codes and links open: release, trial or develop
 */
@ConfigurationProperties("tierpoint.wechat")
public record WeChatProperties(
        @DefaultValue Sandbox sandbox,
        String apiBaseUrl,
        @DefaultValue MiniApp miniapp,
        @DefaultValue OfficialAccount officialAccount,
        @DefaultValue("release") String envVersion) {

    public static final String SANDBOX_APP_ID = "wxsandbox00000001";
    public static final String SANDBOX_SECRET = "sandbox-secret";
    public static final String SANDBOX_OA_APP_ID = "wxsandbox000000oa";
    public static final String SANDBOX_CARD_ID = "psandbox_member_card";

    /** Sandbox mode: a fake WeChat, no AppID needed; refuses to start with real credentials. */
    public record Sandbox(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("127.0.0.1") String host,
            @DefaultValue("8091") int port) {}

    public record MiniApp(String appId, String secret) {}

    /** Set {@code app-id}, {@code secret} and {@code card-id} to sync the membership card (会员卡). */
    public record OfficialAccount(String appId, String secret, String cardId) {

        public boolean configured() {
            return appId != null && !appId.isBlank();
        }
    }

    public String miniappAppId() {
        return sandbox.enabled() && blank(miniapp.appId()) ? SANDBOX_APP_ID : miniapp.appId();
    }

    public String miniappSecret() {
        return sandbox.enabled() && blank(miniapp.secret()) ? SANDBOX_SECRET : miniapp.secret();
    }

    /** The Official Account in use: the configured one, or in sandbox mode the sandbox's. */
    public OfficialAccount effectiveOfficialAccount() {
        if (sandbox.enabled() && !officialAccount.configured()) {
            return new OfficialAccount(SANDBOX_OA_APP_ID, SANDBOX_SECRET, SANDBOX_CARD_ID);
        }
        return officialAccount;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
