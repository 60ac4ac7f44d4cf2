package com.tierpoint.gateway.support;

import com.tierpoint.core.auth.ApiKeys;
import com.tierpoint.core.support.CoreInstance;
import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.core.support.MutableClock;
import com.tierpoint.core.support.TestPrograms;
import com.tierpoint.core.support.TestServices;
import com.tierpoint.gateway.sandbox.WeChatSandbox;
import com.tierpoint.proto.v1.EarnRequest;
import com.tierpoint.proto.v1.OrderServiceGrpc;
import com.tierpoint.proto.v1.PointsServiceGrpc;
import com.tierpoint.proto.v1.Program;
import com.tierpoint.proto.v1.ProgramServiceGrpc;
import com.tierpoint.proto.v1.UpdateProgramRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The whole system for end-to-end tests, booted once per test JVM: the WeChat sandbox, a real
 * core (its own Spring context, Netty gRPC on a free port, real MariaDB and Redis) and a gateway
 * talking to both over real connections, exactly as deployed. Tests act as the mini-program
 * over HTTP ({@link #http}) and as WeChat users through the sandbox ({@link #login}).
 */
public abstract class GatewayTestBase {

    public static final Instant T0 = CoreTestBase.T0;
    public static final String APP_ID = "wxsandbox00000001";
    public static final String APP_SECRET = "sandbox-secret";
    public static final String OA_APP_ID = "wxsandbox000000oa";
    public static final String CARD_ID = "psandbox_member_card";
    /** The gateway's own client key: only the scopes the gateway needs. */
    public static final String GATEWAY_KEY = "test-gateway-key";

    public static final String GATEWAY_SCOPES =
            "members:read,members:write,points:read,program:read,events:read,operators:read,operators:write,analytics:read";
    public static final String CORP_ID = "wwsandbox0000001";
    /** The WeCom employee the core makes an admin at startup. */
    public static final String ADMIN_USER = "console-admin";

    protected static final MutableClock clock = new MutableClock(T0);
    protected static WeChatSandbox sandbox;
    protected static CoreInstance core;
    protected static GatewayInstance gateway;
    protected static Http http;
    private static int corePort;
    private static ManagedChannel adminChannel;

    protected GatewayTestBase() {
        boot();
    }

    private static synchronized void boot() {
        if (gateway != null) {
            return;
        }
        LogCapture.install();
        sandbox = WeChatSandbox.start("127.0.0.1", 0, clock);
        sandbox.registerMiniApp(APP_ID, APP_SECRET);
        sandbox.registerOfficialAccount(OA_APP_ID, APP_SECRET);
        sandbox.registerCorp(CORP_ID, APP_SECRET);
        corePort = freePort();
        Map<String, String> coreProps = new LinkedHashMap<>();
        coreProps.put("tierpoint.grpc.in-process-name", "");
        coreProps.put("tierpoint.grpc.host", "127.0.0.1");
        coreProps.put("tierpoint.grpc.port", String.valueOf(corePort));
        coreProps.put("tierpoint.auth.clients[4].id", "wechat-gateway");
        coreProps.put("tierpoint.auth.clients[4].key-sha256", ApiKeys.sha256(GATEWAY_KEY));
        coreProps.put("tierpoint.auth.clients[4].scopes", GATEWAY_SCOPES);
        coreProps.put("tierpoint.operators.bootstrap-admins", ADMIN_USER);
        core = CoreInstance.start("gateway-e2e-core", clock, coreProps);
        adminChannel = ManagedChannelBuilder.forAddress("127.0.0.1", corePort)
                .usePlaintext()
                .build();
        useProgram(TestPrograms.standard());
        gateway = GatewayInstance.start(clock, gatewayProperties());
        http = new Http(gateway.baseUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            core.close();
            sandbox.close();
        }));
    }

    /** What a test gateway runs with: the test core, Redis and sandbox, and the gateway's own key. */
    protected static Map<String, String> gatewayProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("server.port", "0");
        p.put("management.server.port", "0");
        p.put("tierpoint.core.target", "127.0.0.1:" + corePort);
        p.put("tierpoint.core.api-key", GATEWAY_KEY);
        p.put("tierpoint.redis.url", TestServices.get().redisUrl());
        p.put("tierpoint.wechat.sandbox.enabled", "true");
        p.put("tierpoint.wechat.api-base-url", sandbox.baseUrl());
        p.put("tierpoint.wechat.miniapp.app-id", APP_ID);
        p.put("tierpoint.wechat.miniapp.secret", APP_SECRET);
        p.put("tierpoint.wechat.official-account.app-id", OA_APP_ID);
        p.put("tierpoint.wechat.official-account.secret", APP_SECRET);
        p.put("tierpoint.wechat.official-account.card-id", CARD_ID);
        p.put("tierpoint.wecom.corp-id", CORP_ID);
        p.put("tierpoint.wecom.agent-id", "1000002");
        p.put("tierpoint.wecom.secret", APP_SECRET);
        p.put("tierpoint.console.broadcast-poll", "100ms");
        // event consumers: created before the first test's events, they may start at the beginning
        // (the test database is new for every run); short lease and backoffs so takeovers and
        // retries happen within a test's patience
        p.put("tierpoint.event-stream.start", "EARLIEST");
        p.put("tierpoint.event-stream.lease", "3s");
        p.put("tierpoint.event-stream.initial-backoff", "100ms");
        p.put("tierpoint.event-stream.max-backoff", "1s");
        p.put("tierpoint.reminders.hold-poll", "100ms");
        p.put("tierpoint.reminders.daily-cap", "2");
        p.put("tierpoint.reminders.streak.poll", "200ms");
        // the core's own libraries are on the test classpath; the gateway has no database
        p.put(
                "spring.autoconfigure.exclude",
                String.join(
                        ",",
                        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                        "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
                        "com.baomidou.mybatisplus.autoconfigure.MybatisPlusAutoConfiguration",
                        "com.baomidou.mybatisplus.autoconfigure.MybatisPlusInnerInterceptorAutoConfiguration"));
        return p;
    }

    @BeforeEach
    void resetWorld() {
        clock.set(T0);
        sandbox.reset();
        StringRedisTemplate redis = gateway.bean(StringRedisTemplate.class);
        var keys = redis.keys("tp:gw:rl:*");
        if (keys != null && !keys.isEmpty()) {
            redis.delete(keys);
        }
    }

    protected static Program useProgram(Program program) {
        return ProgramServiceGrpc.newBlockingStub(adminChannel)
                .withCallCredentials(CoreTestBase.key(CoreTestBase.ADMIN_KEY))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .updateProgram(UpdateProgramRequest.newBuilder()
                        .setIdempotencyKey(UUID.randomUUID().toString())
                        .setProgram(program)
                        .build());
    }

    /** host:port of the test core's gRPC server. */
    protected static String coreTarget() {
        return "127.0.0.1:" + corePort;
    }

    /** The order system's view of the core (admin key), for setting up a member's history. */
    protected static OrderServiceGrpc.OrderServiceBlockingStub orders() {
        return OrderServiceGrpc.newBlockingStub(adminChannel)
                .withCallCredentials(CoreTestBase.key(CoreTestBase.ADMIN_KEY))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    protected static PointsServiceGrpc.PointsServiceBlockingStub points() {
        return PointsServiceGrpc.newBlockingStub(adminChannel)
                .withCallCredentials(CoreTestBase.key(CoreTestBase.ADMIN_KEY))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    protected static void earn(String memberId, long pts, String reason) {
        points().earn(EarnRequest.newBuilder()
                .setIdempotencyKey(UUID.randomUUID().toString())
                .setMemberId(memberId)
                .setPoints(pts)
                .setReason(reason)
                .setSource("test")
                .build());
    }

    /** A logged-in mini-program user. */
    public record User(String name, String openid, String memberId, String accessToken, String refreshToken) {}

    /** wx.login in the sandbox as a fresh user, then POST /api/v1/session. */
    protected static User login() {
        return login("u" + UUID.randomUUID().toString().substring(0, 12), null);
    }

    protected static User login(String name, String inviteCode) {
        String code = sandbox.wxLogin(APP_ID, name);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        if (inviteCode != null) {
            body.put("inviteCode", inviteCode);
        }
        Http.Response r = http.post("/api/v1/session", body, null);
        if (r.status() != 200) {
            throw new AssertionError("login failed: " + r);
        }
        var json = r.json();
        return new User(
                name,
                sandbox.openid(APP_ID, name),
                json.get("memberId").asText(),
                json.get("accessToken").asText(),
                json.get("refreshToken").asText());
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
