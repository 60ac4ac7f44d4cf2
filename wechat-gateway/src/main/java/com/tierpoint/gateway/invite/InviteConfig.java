package com.tierpoint.gateway.invite;

import cn.binarywang.wx.miniapp.api.WxMaService;
import com.tierpoint.gateway.core.CoreClient;
import com.tierpoint.gateway.wechat.WeChatProperties;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InviteProperties.class)
class InviteConfig {

    @Bean
    SharingInvites sharingInvites(
            CoreClient core,
            WxMaService wechat,
            StringRedisTemplate redis,
            InviteProperties props,
            WeChatProperties wechatProps,
            Clock clock) {
        return new SharingInvites(core, wechat, redis, props, wechatProps.envVersion(), clock);
    }
}
