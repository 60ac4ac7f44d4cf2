package com.tierpoint.gateway.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpoint.gateway.support.GatewayInstance;
import com.tierpoint.gateway.support.GatewayTestBase;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxModeTest extends GatewayTestBase {

    @Test
    void sandboxModeRefusesToStartWithARealAppSecret() {
        Map<String, String> props = new LinkedHashMap<>(gatewayProperties());
        props.put("tierpoint.wechat.miniapp.app-id", "wx1234567890abcdef");
        props.put("tierpoint.wechat.miniapp.secret", "0123456789abcdef0123456789abcdef");

        assertThatThrownBy(() -> GatewayInstance.start(clock, props).close())
                .hasStackTraceContaining("sandbox mode refuses real WeChat credentials")
                .hasStackTraceContaining("tierpoint.wechat.miniapp.secret")
                .satisfies(e -> assertThat(e.toString()).doesNotContain("0123456789abcdef0123456789abcdef"));
    }

    @Test
    void realModeRefusesToStartWithoutCredentials() {
        Map<String, String> props = new LinkedHashMap<>(gatewayProperties());
        props.put("tierpoint.wechat.sandbox.enabled", "false");
        props.put("tierpoint.wechat.miniapp.app-id", "");
        props.put("tierpoint.wechat.miniapp.secret", "");

        assertThatThrownBy(() -> GatewayInstance.start(clock, props).close())
                .hasStackTraceContaining("real WeChat credentials are needed");
    }
}
