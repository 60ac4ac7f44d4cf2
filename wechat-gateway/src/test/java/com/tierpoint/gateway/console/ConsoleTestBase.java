package com.tierpoint.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.gateway.support.GatewayTestBase;
import com.tierpoint.gateway.support.Http;
import com.tierpoint.proto.v1.MemberServiceGrpc;
import com.tierpoint.proto.v1.OperatorRole;
import com.tierpoint.proto.v1.OperatorServiceGrpc;
import com.tierpoint.proto.v1.SetMemberPhoneRequest;
import com.tierpoint.proto.v1.SetOperatorRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Console tests: operators the admin sets up in the core, logged in through the sandbox's WeCom OAuth. */
abstract class ConsoleTestBase extends GatewayTestBase {

    private static ManagedChannel channel;

    /** A logged-in operator: the session cookie and the CSRF token, as the console's pages hold them. */
    record Console(String userId, String cookie, String csrf) {

        Http.Response get(String path) {
            return http.send(http.builder(path, null).header("Cookie", cookie).GET());
        }

        Http.Response post(String path, Object body) {
            return send("POST", path, body);
        }

        Http.Response put(String path, Object body) {
            return send("PUT", path, body);
        }

        Http.Response send(String method, String path, Object body) {
            HttpRequest.Builder b = http.builder(path, null)
                    .header("Cookie", cookie)
                    .header("X-CSRF-Token", csrf)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Http.json(body)));
            return http.send(b);
        }
    }

    /** A new operator with that role and daily cap, created by the bootstrap admin. */
    static String newOperator(OperatorRole role, long dailyCap) {
        String userId = "op-" + UUID.randomUUID().toString().substring(0, 8);
        operatorsAdmin()
                .setOperator(SetOperatorRequest.newBuilder()
                        .setIdempotencyKey(UUID.randomUUID().toString())
                        .setActorUserId(ADMIN_USER)
                        .setUserId(userId)
                        .setName("运营" + userId.substring(3, 6))
                        .setRole(role)
                        .setDailyGrantCap(dailyCap)
                        .setActive(true)
                        .build());
        return userId;
    }

    /** The whole WeCom OAuth round trip: /console/login, WeCom's page (the sandbox's), the callback. */
    static Console loginOperator(String userId) {
        Http.Response start = http.get("/console/login", null);
        assertThat(start.status()).as(start.toString()).isEqualTo(302);
        String state = query(start.header("Location"), "state");
        String code = sandbox.wecomOAuthCode(CORP_ID, userId);
        Http.Response back = http.get("/console/oauth/callback?code=" + code + "&state=" + state, null);
        assertThat(back.status()).as(back.toString()).isEqualTo(302);
        String cookie = back.header("Set-Cookie").split(";", 2)[0];
        Http.Response me = http.send(
                http.builder("/console/api/me", null).header("Cookie", cookie).GET());
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        return new Console(userId, cookie, me.json().get("csrf").asText());
    }

    static Map<String, Object> adjustment(long amount, String reason, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount);
        body.put("reason", reason);
        body.put("requestId", requestId);
        return body;
    }

    static void setPhone(String memberId, String phone) {
        MemberServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(CoreTestBase.key(CoreTestBase.ADMIN_KEY))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .setMemberPhone(SetMemberPhoneRequest.newBuilder()
                        .setIdempotencyKey(UUID.randomUUID().toString())
                        .setMemberId(memberId)
                        .setPhone(phone)
                        .build());
    }

    static OperatorServiceGrpc.OperatorServiceBlockingStub operatorsAdmin() {
        return OperatorServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(CoreTestBase.key(CoreTestBase.ADMIN_KEY))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static synchronized ManagedChannel channel() {
        if (channel == null) {
            channel =
                    ManagedChannelBuilder.forTarget(coreTarget()).usePlaintext().build();
        }
        return channel;
    }

    static String query(String url, String name) {
        String q = URI.create(url.replace("#wechat_redirect", "")).getRawQuery();
        for (String pair : q.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(name + " not in " + url);
    }
}
