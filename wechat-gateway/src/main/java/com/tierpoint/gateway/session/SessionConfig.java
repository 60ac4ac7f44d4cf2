package com.tierpoint.gateway.session;

import cn.binarywang.wx.miniapp.api.WxMaService;
import com.tierpoint.gateway.core.CoreClient;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionProperties.class)
class SessionConfig {

    @Bean
    SessionTokens sessionTokens(SessionProperties props, StringRedisTemplate redis) {
        return new SessionTokens(SigningKey.resolve(props, redis));
    }

    @Bean
    SessionStore sessionStore(StringRedisTemplate redis, SessionProperties props) {
        return new SessionStore(redis, props.refreshTtl());
    }

    @Bean
    SessionAuthentication sessionAuthentication(SessionTokens tokens, SessionStore store, Clock clock) {
        return new SessionAuthentication(tokens, store, clock);
    }

    @Bean
    LoggingIn loggingIn(
            WxMaService wechat,
            CoreClient core,
            SessionStore store,
            SessionTokens tokens,
            SessionProperties props,
            Clock clock) {
        return new LoggingIn(wechat, core, store, tokens, props, clock);
    }
}
