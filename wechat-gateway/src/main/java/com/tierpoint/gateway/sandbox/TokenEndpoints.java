package com.tierpoint.gateway.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code /cgi-bin/token} and {@code /cgi-bin/stable_token} of mini-programs and official accounts. */
final class TokenEndpoints {

    private final SandboxState state;

    TokenEndpoints(SandboxState state) {
        this.state = state;
    }

    void addTo(Map<String, Route> routes) {
        routes.put("/cgi-bin/token", Route.get(null, this::token));
        routes.put("/cgi-bin/stable_token", Route.post(null, this::stableToken));
    }

    private SandboxResponse token(Call call) {
        Account account = authenticate(call.query("grant_type"), call.query("appid"), call.query("secret"));
        return answer(state.tokens.issue(account));
    }

    private SandboxResponse stableToken(Call call) {
        Map<String, Object> body = call.json();
        Account account =
                authenticate(Call.text(body, "grant_type"), Call.text(body, "appid"), Call.text(body, "secret"));
        boolean forceRefresh = Boolean.parseBoolean(String.valueOf(body.get("force_refresh")));
        return answer(forceRefresh ? state.tokens.issue(account) : state.tokens.latestOrIssue(account));
    }

    private Account authenticate(Optional<String> grantType, Optional<String> appId, Optional<String> secret) {
        if (!grantType.filter("client_credential"::equals).isPresent()) {
            throw new WeChatApiException(WeChatError.INVALID_GRANT_TYPE);
        }
        String id = appId.orElseThrow(() -> new WeChatApiException(WeChatError.APPID_MISSING));
        Account account = state.account(Account.Kind.MINI_PROGRAM, id)
                .or(() -> state.account(Account.Kind.OFFICIAL_ACCOUNT, id))
                .orElseThrow(() -> new WeChatApiException(WeChatError.INVALID_APPID));
        String given = secret.orElseThrow(() -> new WeChatApiException(WeChatError.SECRET_MISSING));
        if (!account.secret().equals(given)) {
            throw new WeChatApiException(WeChatError.INVALID_APPSECRET);
        }
        return account;
    }

    private SandboxResponse answer(AccessTokens.Issued issued) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.token());
        body.put("expires_in", issued.expiresInSeconds(state.clock.instant()));
        return SandboxResponse.json(body);
    }
}
