package com.tierpoint.gateway.card;

import com.tierpoint.gateway.core.CoreClient;
import com.tierpoint.gateway.events.EventStream;
import com.tierpoint.gateway.events.EventStreamProperties;
import com.tierpoint.gateway.wechat.OfficialAccount;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The membership-card sync: a second consumer of the core's events, started only when an
 * Official Account is configured. Without one, WeChatConfig's startup line says the sync is off,
 * and no consumer is created here.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CardSyncProperties.class)
class CardSyncConfig {

    private static final Logger log = LoggerFactory.getLogger(CardSyncConfig.class);

    @Bean
    CardSyncState cardSyncState(StringRedisTemplate redis) {
        return new CardSyncState(redis);
    }

    @Bean
    CardSyncStream cardSyncStream(
            CardSyncProperties props,
            EventStreamProperties streams,
            OfficialAccount account,
            CoreClient core,
            CardSyncState state,
            StringRedisTemplate redis,
            MeterRegistry meters,
            Clock clock) {
        if (!account.configured()) {
            return new CardSyncStream(null);
        }
        if (!props.enabled()) {
            log.info("membership-card sync is off (tierpoint.card-sync.enabled=false)");
            return new CardSyncStream(null);
        }
        if (account.cardId() == null || account.cardId().isBlank()) {
            throw new IllegalStateException("an Official Account is configured but no membership card:"
                    + " set tierpoint.wechat.official-account.card-id, or tierpoint.card-sync.enabled=false");
        }
        log.info("membership-card sync on: card {} mirrors points and tier", account.cardId());
        return new CardSyncStream(new EventStream(
                core,
                redis,
                meters,
                props.consumer(),
                SyncingMemberCards.TYPES,
                streams.start(),
                new SyncingMemberCards(account, core, state, clock, meters),
                clock,
                streams.settings()));
    }
}
