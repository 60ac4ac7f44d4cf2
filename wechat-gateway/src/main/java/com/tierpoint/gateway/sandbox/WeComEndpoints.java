package com.tierpoint.gateway.sandbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * WeCom APIs: {@code /cgi-bin/gettoken}, {@code /cgi-bin/auth/getuserinfo} and the group robot
 * {@code /cgi-bin/webhook/send} (20 messages a minute per key).
 */
final class WeComEndpoints {

    static final int WEBHOOK_LIMIT_PER_MINUTE = 20;

    private static final Account.Kind CORP = Account.Kind.CORP;

    private final SandboxState state;

    WeComEndpoints(SandboxState state) {
        this.state = state;
    }

    void addTo(Map<String, Route> routes) {
        routes.put("/cgi-bin/gettoken", Route.get(null, this::token));
        routes.put("/cgi-bin/auth/getuserinfo", Route.get(CORP, this::userInfo));
        routes.put("/cgi-bin/webhook/send", Route.post(null, this::webhook));
    }

    private SandboxResponse token(Call call) {
        String corpId =
                call.query("corpid").orElseThrow(() -> new WeChatApiException(WeChatError.WECOM_CORPID_MISSING));
        Account corp =
                state.account(CORP, corpId).orElseThrow(() -> new WeChatApiException(WeChatError.WECOM_INVALID_CORPID));
        String secret =
                call.query("corpsecret").orElseThrow(() -> new WeChatApiException(WeChatError.WECOM_SECRET_MISSING));
        if (!corp.secret().equals(secret)) {
            throw new WeChatApiException(WeChatError.WECOM_INVALID_CREDENTIAL);
        }
        AccessTokens.Issued issued = state.tokens.latestOrIssue(corp);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", issued.token());
        answer.put("expires_in", issued.expiresInSeconds(state.clock.instant()));
        return SandboxResponse.ok(answer);
    }

    private SandboxResponse userInfo(Call call) {
        String code = call.query("code").orElseThrow(() -> new WeChatApiException(WeChatError.CODE_MISSING));
        OneTimeCodes.Redemption<SandboxState.UserInApp> redemption = state.wecomCodes.redeem(code);
        if (redemption.outcome() != OneTimeCodes.Outcome.REDEEMED
                || !redemption.subject().appId().equals(call.caller().appId())) {
            throw new WeChatApiException(WeChatError.INVALID_CODE);
        }
        return SandboxResponse.ok(Map.of("userid", redemption.subject().user()));
    }

    private SandboxResponse webhook(Call call) {
        String key = call.query("key").orElseThrow(() -> new WeChatApiException(WeChatError.INVALID_WEBHOOK_URL));
        Map<String, Object> body = call.json();
        String type =
                Call.text(body, "msgtype").orElseThrow(() -> new WeChatApiException(WeChatError.INVALID_MESSAGE_TYPE));
        switch (type) {
            case "text", "markdown", "markdown_v2" -> {
                boolean hasContent = Call.object(body, type)
                        .flatMap(m -> Call.text(m, "content"))
                        .filter(c -> !c.isBlank())
                        .isPresent();
                if (!hasContent) {
                    throw new WeChatApiException(WeChatError.EMPTY_CONTENT);
                }
            }
            case "image", "news", "file", "voice", "template_card" -> {
                if (Call.object(body, type).isEmpty()) {
                    throw new WeChatApiException(WeChatError.EMPTY_CONTENT);
                }
            }
            default -> throw new WeChatApiException(WeChatError.INVALID_MESSAGE_TYPE);
        }
        if (!state.admitWebhookCall(key, WEBHOOK_LIMIT_PER_MINUTE, Duration.ofMinutes(1))) {
            throw new WeChatApiException(WeChatError.WECOM_FREQUENCY_LIMIT);
        }
        return SandboxResponse.ok();
    }
}
