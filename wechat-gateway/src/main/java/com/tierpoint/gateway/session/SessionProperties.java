package com.tierpoint.gateway.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tierpoint.session.*}: the gateway's own session tokens.
 *
 * @param secret HMAC key of the access tokens, at least 32 characters, the same on every gateway
 *     instance. When blank, one is generated and shared through Redis (fine for the quickstart;
 *     configure one in production so tokens survive a Redis flush).
 * @param accessTtl how long an access token is good for
 * @param refreshTtl how long a session can be refreshed without a new wx.login
 */
@ConfigurationProperties("tierpoint.session")
public record SessionProperties(
        String secret, @DefaultValue("2h") Duration accessTtl, @DefaultValue("30d") Duration refreshTtl) {}
