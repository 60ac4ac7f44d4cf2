package com.tierpoint.gateway.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaRedisBetterConfigImpl;
import me.chanjar.weixin.common.redis.RedisTemplateWxRedisOps;
import me.chanjar.weixin.common.redis.WxRedisOps;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpRedisConfigImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * WxJava for the mini-program and, when one is configured, the Official Account. Access tokens
 * live in Redis with a distributed refresh lock, so every gateway instance uses the same token
 * and only one of them fetches a new one; WxJava only expires a token after a 40001 when the
 * stored one is still the one that failed, so instances never invalidate each other's fresh token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WeChatProperties.class)
class WeChatConfig {

    static final String TOKEN_KEY_PREFIX = "tp:gw:wx";
    private static final Logger log = LoggerFactory.getLogger(WeChatConfig.class);

    WeChatConfig() {
        WeChatLogGuard.install();
    }

    @Bean
    WxRedisOps wxRedisOps(StringRedisTemplate redis) {
        return new RedisTemplateWxRedisOps(redis);
    }

    @Bean
    WxMaService wxMaService(WeChatProperties props, WeChatApiHost host, WxRedisOps redisOps) {
        WxMaRedisBetterConfigImpl config = new WxMaRedisBetterConfigImpl(redisOps, TOKEN_KEY_PREFIX);
        config.setAppid(props.miniappAppId());
        config.setSecret(props.miniappSecret());
        if (host.url() != null) {
            config.setApiHostUrl(host.url());
        }
        WxMaServiceImpl service = new WxMaServiceImpl();
        service.setWxMaConfig(config);
        // WxJava retries busy (-1) answers itself (by default 5 times, from 1 s doubling): keep
        // that short so an API request fails in time and the event streams retry on their own
        service.setMaxRetryTimes(2);
        service.setRetrySleepMillis(200);
        return service;
    }

    /** The Official Account for membership cards, or {@link OfficialAccount#none()} when none is configured. */
    @Bean
    OfficialAccount officialAccount(WeChatProperties props, WeChatApiHost host, WxRedisOps redisOps) {
        WeChatProperties.OfficialAccount oa = props.effectiveOfficialAccount();
        if (!oa.configured()) {
            log.info(
                    "membership-card sync is off: no Official Account configured (tierpoint.wechat.official-account.*)");
            return OfficialAccount.none();
        }
        WxMpRedisConfigImpl config = new WxMpRedisConfigImpl(redisOps, TOKEN_KEY_PREFIX);
        config.setAppId(oa.appId());
        config.setSecret(oa.secret());
        if (host.url() != null) {
            config.setHostConfig(new WxMpHostConfig(host.url(), host.url(), host.url()));
        }
        WxMpServiceImpl service = new WxMpServiceImpl();
        service.setWxMpConfigStorage(config);
        service.setMaxRetryTimes(2);
        service.setRetrySleepMillis(200);
        return new OfficialAccount(service, oa.cardId());
    }
}
