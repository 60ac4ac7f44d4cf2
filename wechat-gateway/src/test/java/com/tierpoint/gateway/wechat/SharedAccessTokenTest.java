package com.tierpoint.gateway.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.gateway.support.GatewayInstance;
import com.tierpoint.gateway.support.GatewayTestBase;
import com.tierpoint.gateway.support.Http;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Two gateways share one WeChat access token through Redis and never fight over it. */
class SharedAccessTokenTest extends GatewayTestBase {

    @Test
    void twoGatewaysCallingWeChatAtOnceFetchOneTokenAndRefreshItOnceAfterItIsRevoked() throws Exception {
        forgetStoredTokens();
        sandbox.reset();
        try (GatewayInstance second = GatewayInstance.start(clock, gatewayProperties())) {
            Http a = http;
            Http b = new Http(second.baseUrl());

            assertThat(invitesAtOnce(a, b)).containsOnly(true);
            assertThat(sandbox.tokenIssuances(APP_ID)).isEqualTo(1);

            sandbox.faults().expireTokens();
            assertThat(invitesAtOnce(a, b)).containsOnly(true);
            assertThat(sandbox.tokenIssuances(APP_ID)).isEqualTo(2);

            // both keep using the one fresh token: nothing more is fetched
            assertThat(invitesAtOnce(a, b)).containsOnly(true);
            assertThat(sandbox.tokenIssuances(APP_ID)).isEqualTo(2);
        }
    }

    /**
     * Four new members ask for their invite (each needs a fresh URL Link from WeChat, so a valid
     * access token), two on each gateway, released together. True for each that got its link.
     */
    private static List<Boolean> invitesAtOnce(Http a, Http b) {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Boolean>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Http target = i % 2 == 0 ? a : b;
            String token = login().accessToken();
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Http.Response r = target.post("/api/v1/invites", Map.of(), token);
                return r.status() == 200 && r.json().hasNonNull("urlLink");
            }));
        }
        go.countDown();
        return calls.stream().map(CompletableFuture::join).toList();
    }

    private static void forgetStoredTokens() {
        StringRedisTemplate redis = gateway.bean(StringRedisTemplate.class);
        Set<String> keys = redis.keys("tp:gw:wx*");
        if (keys != null && !keys.isEmpty()) {
            redis.delete(keys);
        }
    }
}
