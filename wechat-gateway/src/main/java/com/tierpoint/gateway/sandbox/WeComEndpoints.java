package com.tierpoint.gateway.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WeCom APIs: {@code /cgi-bin/gettoken}, {@code /cgi-bin/auth/getuserinfo}, customer groups
 * ({@code /cgi-bin/externalcontact/groupchat/list} and {@code /get}), the group robot
 * {@code /cgi-bin/webhook/send} (20 messages a minute per key), and the OAuth page WeCom shows
 * before it redirects back with a code ({@code /connect/oauth2/authorize}; on a real corp that
 * page lives on open.weixin.qq.com and needs no input: here you say who you are).
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
        routes.put("/cgi-bin/externalcontact/groupchat/list", Route.post(CORP, this::groupList));
        routes.put("/cgi-bin/externalcontact/groupchat/get", Route.post(CORP, this::groupGet));
        routes.put("/connect/oauth2/authorize", Route.get(null, this::authorizePage));
        routes.put("/connect/oauth2/authorize/confirm", Route.get(null, this::authorizeConfirm));
    }

    private SandboxResponse groupList(Call call) {
        Map<String, Object> body = call.json();
        int limit = Call.number(body, "limit").map(Number::intValue).orElse(100);
        if (limit < 1 || limit > 1000) {
            throw new WeChatApiException(WeChatError.WECOM_INVALID_PARAMETER);
        }
        List<SandboxState.CustomerGroup> all = state.groups(call.caller().appId());
        int from = Call.text(body, "cursor").map(WeComEndpoints::cursor).orElse(0);
        List<Map<String, Object>> page = new ArrayList<>();
        for (int i = from; i < Math.min(all.size(), from + limit); i++) {
            page.add(Map.of("chat_id", all.get(i).chatId(), "status", 0));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("group_chat_list", page);
        if (from + limit < all.size()) {
            answer.put("next_cursor", Integer.toString(from + limit));
        }
        return SandboxResponse.ok(answer);
    }

    private static int cursor(String text) {
        try {
            return Math.max(0, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw new WeChatApiException(WeChatError.WECOM_INVALID_PARAMETER);
        }
    }

    private SandboxResponse groupGet(Call call) {
        Map<String, Object> body = call.json();
        String chatId =
                Call.text(body, "chat_id").orElseThrow(() -> new WeChatApiException(WeChatError.WECOM_INVALID_CHAT_ID));
        boolean names =
                Call.number(body, "need_name").map(n -> n.intValue() == 1).orElse(false);
        SandboxState.CustomerGroup group = state.group(call.caller().appId(), chatId)
                .orElseThrow(() -> new WeChatApiException(WeChatError.WECOM_INVALID_CHAT_ID));
        List<Map<String, Object>> members = new ArrayList<>();
        long joined = group.created().getEpochSecond();
        members.add(Map.of("userid", group.owner(), "type", 1, "join_time", joined, "join_scene", 1));
        for (String user : group.users()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("userid", SandboxState.externalUserId(group.corpId(), user));
            m.put("type", 2);
            m.put("unionid", SandboxState.unionid(user));
            m.put("join_time", joined);
            m.put("join_scene", 3);
            if (names) {
                m.put("name", user);
            }
            members.add(m);
        }
        Map<String, Object> chat = new LinkedHashMap<>();
        chat.put("chat_id", group.chatId());
        chat.put("name", group.name());
        chat.put("owner", group.owner());
        chat.put("create_time", joined);
        chat.put("notice", "");
        chat.put("member_list", members);
        chat.put("admin_list", List.of());
        return SandboxResponse.ok(Map.of("group_chat", chat));
    }

    /** WeCom's OAuth page: here a form asking which employee of the corp is logging in. */
    private SandboxResponse authorizePage(Call call) {
        String corpId = call.query("appid").orElseThrow(() -> new WeChatApiException(WeChatError.WECOM_CORPID_MISSING));
        state.account(CORP, corpId).orElseThrow(() -> new WeChatApiException(WeChatError.WECOM_INVALID_CORPID));
        String redirect = call.query("redirect_uri")
                .orElseThrow(() -> new WeChatApiException(WeChatError.WECOM_REDIRECT_URI_MISSING));
        String stateParam = call.query("state").orElse("");
        return SandboxResponse.html("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"><title>企业微信授权 (sandbox)</title></head>"
                + "<body><h1>企业微信授权 (sandbox)</h1><form method=\"get\" action=\"/connect/oauth2/authorize/confirm\">"
                + hidden("appid", corpId) + hidden("redirect_uri", redirect) + hidden("state", stateParam)
                + "<label>成员账号 (userid) <input id=\"userid\" name=\"userid\" required></label>"
                + "<button id=\"authorize\" type=\"submit\">授权登录</button></form></body></html>");
    }

    private SandboxResponse authorizeConfirm(Call call) {
        String corpId = call.query("appid").orElseThrow(() -> new WeChatApiException(WeChatError.WECOM_CORPID_MISSING));
        state.account(CORP, corpId).orElseThrow(() -> new WeChatApiException(WeChatError.WECOM_INVALID_CORPID));
        String redirect = call.query("redirect_uri")
                .orElseThrow(() -> new WeChatApiException(WeChatError.WECOM_REDIRECT_URI_MISSING));
        String user =
                call.query("userid").orElseThrow(() -> new WeChatApiException(WeChatError.WECOM_INVALID_PARAMETER));
        String code = state.wecomCodes.mint(new SandboxState.UserInApp(corpId, user));
        String sep = redirect.contains("?") ? "&" : "?";
        return SandboxResponse.redirect(redirect + sep + "code=" + encode(code) + "&state="
                + encode(call.query("state").orElse("")));
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
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
