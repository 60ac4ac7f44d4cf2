package com.tierpoint.gateway.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox controls over HTTP, so a developer can drive the quickstart with curl:
 *
 * <ul>
 *   <li>{@code POST /sandbox/wx-login {"appId","user"}} -> {@code {"code","openid"}}
 *   <li>{@code POST /sandbox/subscriptions {"appId","openid","templateId"}} -> {@code {"quota"}}
 *   <li>{@code POST /sandbox/wecom-oauth-code {"corpId","userId"}} -> {@code {"code"}}
 *   <li>{@code POST /sandbox/phone-code {"appId","phone"}} -> {@code {"code"}} (what getPhoneNumber hands over)
 *   <li>{@code POST /sandbox/faults {"path","errcode","times"}}, {@code DELETE /sandbox/faults}
 *   <li>{@code POST /sandbox/expire-tokens}, {@code POST /sandbox/reset}
 *   <li>{@code GET /sandbox/received?path=...}, {@code GET /sandbox/member-card?cardId=&code=}
 * </ul>
 *
 * <p>{@code appId} / {@code corpId} may be left out when exactly one such account is registered. Bad requests
 * answer HTTP 400 with {@code {"error": "..."}}.
 */
final class ControlEndpoints {

    private final WeChatSandbox sandbox;

    ControlEndpoints(WeChatSandbox sandbox) {
        this.sandbox = sandbox;
    }

    SandboxResponse handle(String method, String path, Map<String, String> query, String body) {
        try {
            return switch (method + " " + path) {
                case "POST /sandbox/wx-login" -> wxLogin(json(body));
                case "POST /sandbox/subscriptions" -> subscription(json(body));
                case "POST /sandbox/wecom-oauth-code" -> wecomCode(json(body));
                case "POST /sandbox/phone-code" ->
                    SandboxResponse.json(Map.of(
                            "code",
                            sandbox.phoneCode(
                                    accountId(json(body), "appId", Account.Kind.MINI_PROGRAM),
                                    required(json(body), "phone"))));
                case "POST /sandbox/faults" -> fault(json(body));
                case "DELETE /sandbox/faults" -> done(() -> sandbox.faults().clear());
                case "POST /sandbox/expire-tokens" ->
                    done(() -> sandbox.faults().expireTokens());
                case "POST /sandbox/reset" -> done(sandbox::reset);
                case "GET /sandbox/received" -> received(query.get("path"));
                case "GET /sandbox/member-card" ->
                    SandboxResponse.json(sandbox.memberCard(required(query, "cardId"), required(query, "code")));
                default -> SandboxResponse.json(404, Map.of("error", "no sandbox control " + method + " " + path));
            };
        } catch (IllegalArgumentException e) {
            return SandboxResponse.json(400, Map.of("error", e.getMessage()));
        }
    }

    private SandboxResponse wxLogin(Map<String, Object> body) {
        String appId = accountId(body, "appId", Account.Kind.MINI_PROGRAM);
        String user = required(body, "user");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", sandbox.wxLogin(appId, user));
        answer.put("openid", sandbox.openid(appId, user));
        return SandboxResponse.json(answer);
    }

    private SandboxResponse subscription(Map<String, Object> body) {
        String appId = accountId(body, "appId", Account.Kind.MINI_PROGRAM);
        String openid = required(body, "openid");
        String templateId = required(body, "templateId");
        sandbox.acceptSubscription(appId, openid, templateId);
        return SandboxResponse.json(Map.of("quota", sandbox.quota(appId, openid, templateId)));
    }

    private SandboxResponse wecomCode(Map<String, Object> body) {
        String corpId = accountId(body, "corpId", Account.Kind.CORP);
        return SandboxResponse.json(Map.of("code", sandbox.wecomOAuthCode(corpId, required(body, "userId"))));
    }

    private SandboxResponse fault(Map<String, Object> body) {
        String path = required(body, "path");
        int errcode = integer(body, "errcode").orElseThrow(() -> new IllegalArgumentException("errcode is required"));
        int times = integer(body, "times").orElse(1);
        sandbox.faults().failNext(path, errcode, times);
        return SandboxResponse.json(Map.of("path", path, "errcode", errcode, "times", times));
    }

    private SandboxResponse received(String path) {
        List<ReceivedRequest> requests = path == null || path.isEmpty() ? sandbox.received() : sandbox.received(path);
        List<Map<String, Object>> answer = requests.stream()
                .map(r -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("at", r.at().toString());
                    entry.put("method", r.method());
                    entry.put("path", r.path());
                    entry.put("query", r.query());
                    entry.put("body", r.body());
                    return entry;
                })
                .toList();
        return SandboxResponse.json(answer);
    }

    private String accountId(Map<String, Object> body, String field, Account.Kind kind) {
        Optional<String> given = Call.text(body, field);
        if (given.isPresent()) {
            return given.get();
        }
        List<Account> accounts = sandbox.accounts(kind);
        if (accounts.size() != 1) {
            throw new IllegalArgumentException(
                    field + " is required: " + accounts.size() + " accounts of kind " + kind + " are registered");
        }
        return accounts.get(0).appId();
    }

    private static SandboxResponse done(Runnable action) {
        action.run();
        return SandboxResponse.json(Map.of("ok", true));
    }

    private static Map<String, Object> json(String body) {
        if (body.isBlank()) {
            throw new IllegalArgumentException("a JSON body is required");
        }
        try {
            return SandboxResponse.JSON.readValue(body, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not a JSON object");
        }
    }

    private static String required(Map<String, ?> values, String field) {
        Object value = values.get(field);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value.toString();
    }

    private static Optional<Integer> integer(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be an integer");
        }
    }
}
