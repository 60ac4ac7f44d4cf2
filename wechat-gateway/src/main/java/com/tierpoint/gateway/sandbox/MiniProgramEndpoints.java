package com.tierpoint.gateway.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Mini-program APIs: {@code /sns/jscode2session}, {@code /wxa/getwxacodeunlimit}, {@code /wxa/generate_urllink},
 * {@code /wxa/generatescheme} and {@code /cgi-bin/message/subscribe/send}.
 */
final class MiniProgramEndpoints {

    private static final Account.Kind MINI = Account.Kind.MINI_PROGRAM;
    private static final Pattern SCENE = Pattern.compile("[0-9A-Za-z!#$&'()*+,/:;=?@\\-._~]{1,32}");
    private static final Set<String> ENV_VERSIONS = Set.of("release", "trial", "develop");
    private static final Set<String> MINIPROGRAM_STATES = Set.of("developer", "trial", "formal");

    private final SandboxState state;

    MiniProgramEndpoints(SandboxState state) {
        this.state = state;
    }

    void addTo(Map<String, Route> routes) {
        routes.put("/sns/jscode2session", Route.get(null, this::codeToSession));
        routes.put("/wxa/getwxacodeunlimit", Route.post(MINI, this::wxaCodeUnlimited));
        routes.put("/wxa/generate_urllink", Route.post(MINI, this::urlLink));
        routes.put("/wxa/generatescheme", Route.post(MINI, this::scheme));
        routes.put("/cgi-bin/message/subscribe/send", Route.post(MINI, this::sendSubscribeMessage));
        routes.put("/wxa/business/getuserphonenumber", Route.post(MINI, this::phoneNumber));
    }

    private SandboxResponse codeToSession(Call call) {
        String appId = call.query("appid").orElseThrow(() -> new WeChatApiException(WeChatError.APPID_MISSING));
        Account account =
                state.account(MINI, appId).orElseThrow(() -> new WeChatApiException(WeChatError.INVALID_APPID));
        String secret = call.query("secret").orElseThrow(() -> new WeChatApiException(WeChatError.SECRET_MISSING));
        if (!account.secret().equals(secret)) {
            throw new WeChatApiException(WeChatError.INVALID_APPSECRET);
        }
        if (!call.query("grant_type").filter("authorization_code"::equals).isPresent()) {
            throw new WeChatApiException(WeChatError.INVALID_GRANT_TYPE);
        }
        String code = call.query("js_code").orElseThrow(() -> new WeChatApiException(WeChatError.CODE_MISSING));
        SandboxState.UserInApp user = redeem(state.loginCodes, code);
        if (!user.appId().equals(appId)) {
            throw new WeChatApiException(WeChatError.INVALID_CODE);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session_key", state.random.sessionKey());
        body.put("openid", state.openid(appId, user.user()));
        body.put("unionid", SandboxState.unionid(user.user()));
        return SandboxResponse.json(body);
    }

    /** The phone behind a getPhoneNumber code: once, within 5 minutes, for the app it was made in. */
    private SandboxResponse phoneNumber(Call call) {
        String code =
                Call.text(call.json(), "code").orElseThrow(() -> new WeChatApiException(WeChatError.INVALID_CODE));
        OneTimeCodes.Redemption<SandboxState.PhoneShare> r = state.phoneCodes.redeem(code);
        if (r.outcome() != OneTimeCodes.Outcome.REDEEMED
                || !r.subject().appId().equals(call.caller().appId())) {
            throw new WeChatApiException(WeChatError.INVALID_CODE);
        }
        Map<String, Object> info = new java.util.LinkedHashMap<>();
        info.put("phoneNumber", r.subject().phone());
        info.put("purePhoneNumber", r.subject().phone());
        info.put("countryCode", "86");
        info.put(
                "watermark",
                Map.of(
                        "timestamp",
                        state.clock.instant().getEpochSecond(),
                        "appid",
                        call.caller().appId()));
        return SandboxResponse.ok(Map.of("phone_info", info));
    }

    private SandboxResponse wxaCodeUnlimited(Call call) {
        Map<String, Object> body = call.json();
        String scene = Call.text(body, "scene").orElse("");
        if (!SCENE.matcher(scene).matches()) {
            throw new WeChatApiException(WeChatError.INVALID_SCENE);
        }
        Call.text(body, "page").ifPresent(MiniProgramEndpoints::checkPage);
        checkEnvVersion(body);
        int width = Call.number(body, "width").map(Number::intValue).orElse(430);
        return SandboxResponse.png(WxaCodeImage.png(scene, width));
    }

    private SandboxResponse urlLink(Call call) {
        Map<String, Object> body = call.json();
        Call.text(body, "path").ifPresent(MiniProgramEndpoints::checkPage);
        checkEnvVersion(body);
        return SandboxResponse.ok(Map.of("url_link", "https://wxaurl.cn/" + state.random.alphanumeric(12)));
    }

    private SandboxResponse scheme(Call call) {
        Map<String, Object> body = call.json();
        Call.object(body, "jump_wxa").ifPresent(jump -> {
            Call.text(jump, "path").ifPresent(MiniProgramEndpoints::checkPage);
            checkEnvVersion(jump);
        });
        return SandboxResponse.ok(Map.of("openlink", "weixin://dl/business/?t=" + state.random.alphanumeric(12)));
    }

    private SandboxResponse sendSubscribeMessage(Call call) {
        Map<String, Object> body = call.json();
        String appId = call.caller().appId();
        String openid = Call.text(body, "touser")
                .filter(o -> state.isIssuedOpenid(appId, o))
                .orElseThrow(() -> new WeChatApiException(WeChatError.INVALID_OPENID));
        String templateId = Call.text(body, "template_id")
                .orElseThrow(() -> new WeChatApiException(WeChatError.INVALID_TEMPLATE_ID));
        if (Call.text(body, "miniprogram_state")
                .filter(s -> !MINIPROGRAM_STATES.contains(s))
                .isPresent()) {
            throw new WeChatApiException(WeChatError.INVALID_ARGS);
        }
        if (!state.spendQuota(appId, openid, templateId)) {
            throw new WeChatApiException(WeChatError.USER_REFUSED_MESSAGE);
        }
        return SandboxResponse.ok(Map.of("msgid", state.nextMessageId()));
    }

    /** The subject of a one-time code; 40163 when it was used already, 40029 when unknown or expired. */
    static SandboxState.UserInApp redeem(OneTimeCodes<SandboxState.UserInApp> codes, String code) {
        OneTimeCodes.Redemption<SandboxState.UserInApp> redemption = codes.redeem(code);
        return switch (redemption.outcome()) {
            case REDEEMED -> redemption.subject();
            case ALREADY_USED -> throw new WeChatApiException(WeChatError.CODE_BEEN_USED);
            case INVALID -> throw new WeChatApiException(WeChatError.INVALID_CODE);
        };
    }

    /** WeChat wants a page path without a leading slash and without query parameters. */
    private static void checkPage(String page) {
        if (page.startsWith("/") || page.contains("?")) {
            throw new WeChatApiException(WeChatError.INVALID_PAGE);
        }
    }

    private static void checkEnvVersion(Map<String, Object> body) {
        if (Call.text(body, "env_version")
                .filter(v -> !ENV_VERSIONS.contains(v))
                .isPresent()) {
            throw new WeChatApiException(WeChatError.INVALID_ARGS);
        }
    }
}
