package com.tierpoint.gateway.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded fake of the WeChat and WeCom HTTP APIs the gateway calls, for tests and the quickstart. The real
 * WxJava clients are pointed at {@link #baseUrl()} and make real HTTP calls to it.
 *
 * <p>It emulates, with WeChat's parameter checks and error codes:
 *
 * <ul>
 *   <li>access tokens of mini-programs and official accounts: {@code GET /cgi-bin/token} (each call issues a new
 *       token; the previous one stays valid for 5 more minutes) and {@code POST /cgi-bin/stable_token};
 *   <li>mini-program login: {@code GET /sns/jscode2session} with one-time codes from {@link #wxLogin};
 *   <li>{@code POST /wxa/getwxacodeunlimit} (PNG bytes; errors as JSON), {@code POST /wxa/generate_urllink},
 *       {@code POST /wxa/generatescheme};
 *   <li>{@code POST /cgi-bin/message/subscribe/send}, spending the quota a user granted
 *       ({@link #acceptSubscription});
 *   <li>official account membership cards: {@code POST /card/membercard/activate}, {@code updateuser},
 *       {@code userinfo/get};
 *   <li>WeCom: {@code GET /cgi-bin/gettoken}, {@code GET /cgi-bin/auth/getuserinfo}, {@code POST
 *       /cgi-bin/webhook/send}.
 * </ul>
 *
 * <p>It records every request it receives ({@link #received()}), can be told to fail ({@link #faults()}) and
 * offers its controls over HTTP under {@code /sandbox/}. Every time decision uses the injected {@link Clock}. It
 * logs methods and paths only, never secrets, tokens or session keys.
 */
public final class WeChatSandbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WeChatSandbox.class);
    private static final String CONTROL_PREFIX = "/sandbox/";

    private final SandboxState state;
    private final Map<String, Route> routes = new HashMap<>();
    private final MemberCardEndpoints memberCards;
    private final ControlEndpoints control;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;

    private WeChatSandbox(String host, int port, Clock clock) throws IOException {
        this.state = new SandboxState(clock);
        this.memberCards = new MemberCardEndpoints(state);
        new TokenEndpoints(state).addTo(routes);
        new MiniProgramEndpoints(state).addTo(routes);
        memberCards.addTo(routes);
        new WeComEndpoints(state).addTo(routes);
        this.control = new ControlEndpoints(this);
        this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
        this.executor = Executors.newFixedThreadPool(4, daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        InetSocketAddress bound = server.getAddress();
        String hostText = bound.getHostString();
        this.baseUrl = "http://" + (hostText.contains(":") ? "[" + hostText + "]" : hostText) + ":" + bound.getPort();
    }

    /**
     * Starts a sandbox listening on the given host only.
     *
     * @param port the port, 0 for a free one
     * @param clock decides token expiry, code lifetimes and rate limits
     */
    public static WeChatSandbox start(String host, int port, Clock clock) {
        try {
            WeChatSandbox sandbox = new WeChatSandbox(host, port, clock);
            log.info("WeChat sandbox listening on {}", sandbox.baseUrl);
            return sandbox;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the WeChat sandbox on " + host + ":" + port, e);
        }
    }

    /** Where the sandbox listens, e.g. {@code http://127.0.0.1:41234}, without trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    public void registerMiniApp(String appId, String secret) {
        register(Account.Kind.MINI_PROGRAM, appId, secret);
    }

    /** An official account, the owner of membership cards. */
    public void registerOfficialAccount(String appId, String secret) {
        register(Account.Kind.OFFICIAL_ACCOUNT, appId, secret);
    }

    /** A WeCom corp. */
    public void registerCorp(String corpId, String secret) {
        register(Account.Kind.CORP, corpId, secret);
    }

    private void register(Account.Kind kind, String appId, String secret) {
        requireText(appId, "appId");
        requireText(secret, "secret");
        synchronized (state.lock) {
            state.register(new Account(kind, appId, secret));
        }
    }

    /** What {@code wx.login} gives the mini-program: a code for that user, usable once within 5 minutes. */
    public String wxLogin(String appId, String user) {
        requireText(user, "user");
        synchronized (state.lock) {
            state.requireAccount(Account.Kind.MINI_PROGRAM, appId);
            state.openid(appId, user);
            return state.loginCodes.mint(new SandboxState.UserInApp(appId, user));
        }
    }

    /**
     * What the mini-program's getPhoneNumber button hands over when the user agrees to share a
     * (mainland, 11-digit) phone: a code for {@code /wxa/business/getuserphonenumber}, usable once
     * within 5 minutes.
     */
    public String phoneCode(String appId, String phone) {
        requireText(phone, "phone");
        synchronized (state.lock) {
            state.requireAccount(Account.Kind.MINI_PROGRAM, appId);
            return state.phoneCodes.mint(new SandboxState.PhoneShare(appId, phone));
        }
    }

    /** The openid of a user in an app: the same for the same app and user, different across apps. */
    public String openid(String appId, String user) {
        requireText(appId, "appId");
        requireText(user, "user");
        synchronized (state.lock) {
            return state.openid(appId, user);
        }
    }

    /** The unionid of a user: the same in every app. */
    public String unionid(String user) {
        requireText(user, "user");
        return SandboxState.unionid(user);
    }

    /** The user tapped "allow" once for that template: one more message may be sent. */
    public void acceptSubscription(String appId, String openid, String templateId) {
        requireText(appId, "appId");
        requireText(openid, "openid");
        requireText(templateId, "templateId");
        synchronized (state.lock) {
            state.addQuota(appId, openid, templateId);
        }
    }

    /** How many more subscribe messages of that template may be sent to that user. */
    public int quota(String appId, String openid, String templateId) {
        synchronized (state.lock) {
            return state.quota(appId, openid, templateId);
        }
    }

    /** A code for {@code /cgi-bin/auth/getuserinfo}, as WeCom OAuth hands it out: usable once within 5 minutes. */
    public String wecomOAuthCode(String corpId, String userId) {
        requireText(userId, "userId");
        synchronized (state.lock) {
            state.requireAccount(Account.Kind.CORP, corpId);
            return state.wecomCodes.mint(new SandboxState.UserInApp(corpId, userId));
        }
    }

    /**
     * Gives a membership card code to a user of an official account, as receiving the card in WeChat does. Optional:
     * activating an unknown code gives it to the user named by the code.
     */
    public void issueMemberCard(String appId, String cardId, String code, String user) {
        requireText(cardId, "cardId");
        requireText(code, "code");
        requireText(user, "user");
        synchronized (state.lock) {
            state.requireAccount(Account.Kind.OFFICIAL_ACCOUNT, appId);
            memberCards.issue(appId, cardId, code, user);
        }
    }

    /**
     * A WeCom customer group (客户群) of the corp, owned by the employee {@code owner}, whose members are the given
     * WeChat users (external contacts, each with the same unionid as in the mini-program). Replaces a group with
     * the same chat id.
     */
    public void addCustomerGroup(String corpId, String chatId, String name, String owner, List<String> users) {
        requireText(chatId, "chatId");
        requireText(name, "name");
        requireText(owner, "owner");
        synchronized (state.lock) {
            state.requireAccount(Account.Kind.CORP, corpId);
            state.putGroup(new SandboxState.CustomerGroup(
                    corpId, chatId, name, owner, state.clock.instant(), List.copyOf(users)));
        }
    }

    /** The customer groups of a corp, by chat id. */
    public List<String> customerGroups(String corpId) {
        synchronized (state.lock) {
            return state.groups(corpId).stream()
                    .map(SandboxState.CustomerGroup::chatId)
                    .toList();
        }
    }

    public SandboxFaults faults() {
        return state.faults;
    }

    /** Everything received on the emulated endpoints since start or {@link #reset()}, in order. */
    public List<ReceivedRequest> received() {
        synchronized (state.lock) {
            return state.received();
        }
    }

    /** What was received on one path, in order. */
    public List<ReceivedRequest> received(String path) {
        return received().stream().filter(r -> r.path().equals(path)).toList();
    }

    /** How many access tokens were issued to that app or corp since start or {@link #reset()}. */
    public int tokenIssuances(String appId) {
        synchronized (state.lock) {
            return state.tokens.issuances(appId);
        }
    }

    /**
     * The state activate and updateuser left on a membership card: {@code card_id}, {@code code}, {@code openid},
     * {@code membership_number}, {@code activated}, {@code bonus}, {@code balance}, {@code record_bonus},
     * {@code custom_field_value1..3}, ...; empty for an unknown card.
     */
    public Map<String, Object> memberCard(String cardId, String code) {
        synchronized (state.lock) {
            return state.memberCard(cardId, code)
                    .<Map<String, Object>>map(card -> new LinkedHashMap<>(card))
                    .map(java.util.Collections::unmodifiableMap)
                    .orElse(Map.of());
        }
    }

    /**
     * Forgets received requests, pending faults, webhook rate windows and token issuance counts. Keeps registrations, issued tokens,
     * quotas and cards.
     */
    public void reset() {
        synchronized (state.lock) {
            state.reset();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    List<Account> accounts(Account.Kind kind) {
        synchronized (state.lock) {
            return state.accounts(kind);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
            String body = readBody(exchange.getRequestBody());
            SandboxResponse response;
            try {
                response = path.startsWith(CONTROL_PREFIX)
                        ? control.handle(method, path, query, body)
                        : call(method, path, query, body);
            } catch (RuntimeException e) {
                log.warn("WeChat sandbox failed on {} {}", method, path, e);
                response = SandboxResponse.error(500, WeChatError.SYSTEM_BUSY);
            }
            log.debug("WeChat sandbox {} {} -> {}", method, path, response.contentType());
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            if (response.location() != null) {
                exchange.getResponseHeaders().set("Location", response.location());
            }
            byte[] bytes = response.body();
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private SandboxResponse call(String method, String path, Map<String, String> query, String body) {
        synchronized (state.lock) {
            ReceivedRequest request = new ReceivedRequest(state.clock.instant(), method, path, query, body);
            state.record(Redaction.of(request));
            Route route = routes.get(path);
            if (route == null) {
                return SandboxResponse.error(404, WeChatError.INVALID_URL);
            }
            try {
                if (!route.method().equals(method)) {
                    throw new WeChatApiException(
                            "GET".equals(route.method()) ? WeChatError.REQUIRE_GET : WeChatError.REQUIRE_POST);
                }
                Account caller = route.tokenKind() == null ? null : caller(route.tokenKind(), query);
                Optional<WeChatError> fault = state.faults.take(path, request);
                if (fault.isPresent()) {
                    if (fault.get().code() == WeChatError.INVALID_CREDENTIAL.code()) {
                        state.tokens.revoke(query.get("access_token"));
                    }
                    throw new WeChatApiException(fault.get());
                }
                return route.handler().handle(new Call(request, caller));
            } catch (WeChatApiException e) {
                return SandboxResponse.error(e.error());
            }
        }
    }

    private Account caller(Account.Kind kind, Map<String, String> query) {
        WeChatError invalid =
                kind == Account.Kind.CORP ? WeChatError.INVALID_ACCESS_TOKEN : WeChatError.INVALID_CREDENTIAL;
        AccessTokens.Check check =
                state.tokens.check(query.get("access_token"), kind, invalid, WeChatError.ACCESS_TOKEN_EXPIRED);
        if (check instanceof AccessTokens.Check.Rejected rejected) {
            throw new WeChatApiException(rejected.error());
        }
        return ((AccessTokens.Check.Valid) check).account();
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.putIfAbsent(decode(name), decode(value));
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String readBody(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "wechat-sandbox-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
