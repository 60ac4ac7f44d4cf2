package com.tierpoint.gateway.card;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tierpoint.card-sync.*}: the membership card (会员卡) of the Official Account mirrors
 * the member's points and tier. It runs only when an Official Account is configured
 * ({@code tierpoint.wechat.official-account.*}; sandbox mode always has one).
 *
 * @param enabled off: no card sync even with an Official Account
 * @param consumer the core event-stream consumer name
 */
@ConfigurationProperties("tierpoint.card-sync")
public record CardSyncProperties(
        @DefaultValue("true") boolean enabled, @DefaultValue("wechat-gateway-card-sync") String consumer) {}
