package com.tierpoint.gateway.wecom;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tierpoint.wecom.*}: the brand's WeCom (企业微信) corp, whose employees run customer groups
 * and use the operator console.
 *
 * @param corpId the corp id (企业ID)
 * @param agentId the self-built app (自建应用) the console is registered as
 * @param secret that app's secret
 * @param authorizeUrl WeCom's OAuth page; blank: WeCom's own, or the sandbox's in sandbox mode
 * @param publicUrl the gateway's external base URL (e.g. https://loyalty.example.com) for the
 *     OAuth redirect, which must be on the app's trusted domain; blank: taken from the request
 * @param robots customer group chat id -> its group robot's webhook key (群机器人). The keys are
 *     secrets: they are never logged or shown in the console
 */
@ConfigurationProperties("tierpoint.wecom")
public record WeComProperties(
        String corpId,
        Integer agentId,
        String secret,
        String authorizeUrl,
        String publicUrl,
        @DefaultValue Map<String, String> robots) {

    public static final String SANDBOX_CORP_ID = "wwsandbox0000001";
    public static final int SANDBOX_AGENT_ID = 1000002;
    public static final String SANDBOX_SECRET = "sandbox-secret";
    public static final String WECOM_AUTHORIZE_URL = "https://open.weixin.qq.com/connect/oauth2/authorize";

    public boolean configured() {
        return corpId != null && !corpId.isBlank();
    }

    /** The corp in use: the configured one, or in sandbox mode the sandbox's. */
    public WeComProperties effective(boolean sandbox) {
        if (sandbox && !configured()) {
            return new WeComProperties(
                    SANDBOX_CORP_ID, SANDBOX_AGENT_ID, SANDBOX_SECRET, authorizeUrl, publicUrl, robots);
        }
        return this;
    }
}
