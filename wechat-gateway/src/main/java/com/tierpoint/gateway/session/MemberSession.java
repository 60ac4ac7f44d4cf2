package com.tierpoint.gateway.session;

/**
 * Who is calling: the member behind a valid access token. Controllers take it as a parameter.
 * The WeChat {@code session_key} is deliberately not part of it: it stays in the session store.
 */
public record MemberSession(String sessionId, String memberId, String appId, String openid) {}
