package com.tierpoint.gateway.wechat;

import com.tierpoint.gateway.sandbox.WeChatSandbox;
import com.tierpoint.gateway.wecom.SandboxGroups;
import com.tierpoint.gateway.wecom.WeComProperties;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Decides where WeChat is. Sandbox mode without {@code api-base-url}: start the built-in sandbox
 * and register this gateway's sandbox mini-program and Official Account in it. Sandbox mode with
 * an {@code api-base-url}: a sandbox someone else runs (the tests'). Otherwise the real WeChat.
 * Sandbox mode refuses real credentials, and real mode sandbox ones (see {@link CredentialsGuard}).
 */
@Configuration(proxyBeanMethods = false)
class SandboxConfig {

    private static final Logger log = LoggerFactory.getLogger(SandboxConfig.class);

    @Bean
    WeChatApiHost weChatApiHost(WeChatProperties props, WeComProperties wecom, EmbeddedSandbox embedded) {
        CredentialsGuard.check(props);
        CredentialsGuard.check(wecom, props.sandbox().enabled());
        if (embedded.sandbox() != null) {
            return new WeChatApiHost(embedded.sandbox().baseUrl());
        }
        if (props.apiBaseUrl() != null && !props.apiBaseUrl().isBlank()) {
            return new WeChatApiHost(props.apiBaseUrl());
        }
        return new WeChatApiHost(null);
    }

    @Bean(destroyMethod = "close")
    EmbeddedSandbox embeddedSandbox(WeChatProperties props, WeComProperties wecom, Clock clock) {
        boolean start = props.sandbox().enabled()
                && (props.apiBaseUrl() == null || props.apiBaseUrl().isBlank());
        if (!start) {
            return new EmbeddedSandbox(null);
        }
        CredentialsGuard.check(props);
        CredentialsGuard.check(wecom, true);
        WeChatSandbox sandbox =
                WeChatSandbox.start(props.sandbox().host(), props.sandbox().port(), clock);
        sandbox.registerMiniApp(props.miniappAppId(), props.miniappSecret());
        WeChatProperties.OfficialAccount oa = props.effectiveOfficialAccount();
        sandbox.registerOfficialAccount(oa.appId(), oa.secret());
        WeComProperties corp = wecom.effective(true);
        sandbox.registerCorp(corp.corpId(), corp.secret());
        sandbox.addCustomerGroup(
                corp.corpId(),
                SandboxGroups.VIP_CHAT_ID,
                SandboxGroups.VIP_NAME,
                SandboxGroups.OWNER,
                List.of("alice", "bob", "carol"));
        log.warn(
                "SANDBOX MODE: WeChat calls go to the built-in sandbox at {} (app id {}); "
                        + "set TIERPOINT_WECHAT_SANDBOX=false and real credentials for production",
                sandbox.baseUrl(),
                props.miniappAppId());
        return new EmbeddedSandbox(sandbox);
    }

    /** The sandbox this gateway runs itself, if any. */
    record EmbeddedSandbox(WeChatSandbox sandbox) implements AutoCloseable {
        @Override
        public void close() {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }
}
