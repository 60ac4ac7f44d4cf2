package com.tierpoint.gateway.wecom;

import com.tierpoint.gateway.wechat.WeChatApiHost;
import com.tierpoint.gateway.wechat.WeChatProperties;
import java.util.Map;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.config.impl.WxCpRedisTemplateConfigImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * WxJava's WeCom service (weixin-java-cp) for the operator console. Like the mini-program's, its
 * access token lives in Redis behind WxJava's distributed refresh lock, shared by every gateway.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WeComProperties.class)
class WeComConfig {

    private static final Logger log = LoggerFactory.getLogger(WeComConfig.class);
    private static final String REAL_API = "https://qyapi.weixin.qq.com";

    @Bean
    WeComAccount weComAccount(
            WeComProperties configured, WeChatProperties wechat, WeChatApiHost host, StringRedisTemplate redis) {
        WeComProperties props = configured.effective(wechat.sandbox().enabled());
        if (!props.configured()) {
            log.info("operator console is off: no WeCom corp configured (tierpoint.wecom.corp-id, agent-id, secret)");
            return WeComAccount.none();
        }
        if (props.agentId() == null || props.secret() == null || props.secret().isBlank()) {
            throw new IllegalStateException("tierpoint.wecom.corp-id is set, so agent-id and secret are needed too");
        }
        WxCpRedisTemplateConfigImpl config = new WxCpRedisTemplateConfigImpl(redis, "tp:gw:wxcp");
        config.setCorpId(props.corpId());
        config.setAgentId(props.agentId());
        config.setCorpSecret(props.secret());
        String api = host.url() != null ? host.url() : REAL_API;
        if (host.url() != null) {
            config.setBaseApiUrl(host.url());
        }
        WxCpServiceImpl service = new WxCpServiceImpl();
        service.setWxCpConfigStorage(config);
        service.setMaxRetryTimes(2);
        service.setRetrySleepMillis(200);
        String authorize = props.authorizeUrl() != null && !props.authorizeUrl().isBlank()
                ? props.authorizeUrl()
                : host.url() != null ? host.url() + "/connect/oauth2/authorize" : WeComProperties.WECOM_AUTHORIZE_URL;
        Map<String, String> robots = props.robots();
        if (robots.isEmpty() && wechat.sandbox().enabled()) {
            robots = Map.of(SandboxGroups.VIP_CHAT_ID, SandboxGroups.VIP_ROBOT_KEY);
        }
        WeComAccount account =
                new WeComAccount(service, props.corpId(), props.agentId(), authorize, props.publicUrl(), api, robots);
        log.info(
                "operator console on for WeCom corp {} (agent {}, {} group robots)",
                props.corpId(),
                props.agentId(),
                robots.size());
        return account;
    }
}
