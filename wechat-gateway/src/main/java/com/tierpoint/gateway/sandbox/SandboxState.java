package com.tierpoint.gateway.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the sandbox remembers. Not thread-safe on its own: every access holds {@link #lock}.
 */
final class SandboxState {

    static final Duration LOGIN_CODE_LIFETIME = Duration.ofMinutes(5);
    static final Duration WECOM_CODE_LIFETIME = Duration.ofMinutes(5);

    final Object lock = new Object();
    final Clock clock;
    final RandomTokens random = new RandomTokens();
    final AccessTokens tokens;
    final OneTimeCodes<UserInApp> loginCodes;
    final OneTimeCodes<UserInApp> wecomCodes;
    /** getPhoneNumber codes: the phone the user agreed to share, in one mini-program. */
    final OneTimeCodes<PhoneShare> phoneCodes;

    final SandboxFaults faults;

    private final Map<Account.Kind, Map<String, Account>> accounts = new EnumMap<>(Account.Kind.class);
    private final Map<String, Map<String, String>> usersByOpenid = new HashMap<>();
    private final Map<List<String>, Integer> quotas = new HashMap<>();
    private final Map<List<String>, Map<String, Object>> memberCards = new HashMap<>();
    private final Map<String, Deque<Instant>> webhookCalls = new HashMap<>();
    private final List<ReceivedRequest> received = new ArrayList<>();
    private long nextMessageId = 1_000_000_000L;

    /** A WeCom customer group: its members are WeChat users, named as the sandbox names users. */
    record CustomerGroup(
            String corpId, String chatId, String name, String owner, Instant created, List<String> users) {}

    private final Map<String, Map<String, CustomerGroup>> groups = new HashMap<>();

    void putGroup(CustomerGroup group) {
        groups.computeIfAbsent(group.corpId(), c -> new java.util.TreeMap<>()).put(group.chatId(), group);
    }

    List<CustomerGroup> groups(String corpId) {
        return List.copyOf(groups.getOrDefault(corpId, Map.of()).values());
    }

    Optional<CustomerGroup> group(String corpId, String chatId) {
        return Optional.ofNullable(groups.getOrDefault(corpId, Map.of()).get(chatId));
    }

    /** The external userid (wm...) a corp sees for a WeChat user. */
    static String externalUserId(String corpId, String user) {
        return "wm" + digest("external|" + corpId + "|" + user).substring(0, 30);
    }

    /** A phone number a user shares with a mini-program through the getPhoneNumber button. */
    record PhoneShare(String appId, String phone) {}

    /** A user of a mini-program (or of a WeCom corp). */
    record UserInApp(String appId, String user) {}

    SandboxState(Clock clock) {
        this.clock = clock;
        this.tokens = new AccessTokens(clock, random);
        this.loginCodes = new OneTimeCodes<>(clock, LOGIN_CODE_LIFETIME, random);
        this.wecomCodes = new OneTimeCodes<>(clock, WECOM_CODE_LIFETIME, random);
        this.phoneCodes = new OneTimeCodes<>(clock, LOGIN_CODE_LIFETIME, random);
        this.faults = new SandboxFaults(lock, tokens);
    }

    void register(Account account) {
        accounts.computeIfAbsent(account.kind(), k -> new HashMap<>()).put(account.appId(), account);
    }

    Optional<Account> account(Account.Kind kind, String appId) {
        return Optional.ofNullable(accounts.getOrDefault(kind, Map.of()).get(appId));
    }

    List<Account> accounts(Account.Kind kind) {
        return List.copyOf(accounts.getOrDefault(kind, Map.of()).values());
    }

    Account requireAccount(Account.Kind kind, String appId) {
        return account(kind, appId)
                .orElseThrow(() -> new IllegalArgumentException("no " + kind + " registered as " + appId));
    }

    /** The openid of a user in an app; from now on the sandbox knows it as issued for that app. */
    String openid(String appId, String user) {
        String openid = "o" + digest("openid|" + appId + "|" + user).substring(0, 27);
        usersByOpenid.computeIfAbsent(appId, a -> new HashMap<>()).put(openid, user);
        return openid;
    }

    static String unionid(String user) {
        return "o" + digest("unionid|" + user).substring(0, 27);
    }

    boolean isIssuedOpenid(String appId, String openid) {
        return usersByOpenid.getOrDefault(appId, Map.of()).containsKey(openid);
    }

    void addQuota(String appId, String openid, String templateId) {
        quotas.merge(List.of(appId, openid, templateId), 1, Integer::sum);
    }

    int quota(String appId, String openid, String templateId) {
        return quotas.getOrDefault(List.of(appId, openid, templateId), 0);
    }

    /** Spends one send of the quota; false when there is none left. */
    boolean spendQuota(String appId, String openid, String templateId) {
        List<String> key = List.of(appId, openid, templateId);
        int left = quotas.getOrDefault(key, 0);
        if (left == 0) {
            return false;
        }
        quotas.put(key, left - 1);
        return true;
    }

    long nextMessageId() {
        return nextMessageId++;
    }

    Optional<Map<String, Object>> memberCard(String cardId, String code) {
        return Optional.ofNullable(memberCards.get(List.of(cardId, code)));
    }

    Map<String, Object> memberCardOrNew(String cardId, String code) {
        return memberCards.computeIfAbsent(List.of(cardId, code), k -> new LinkedHashMap<>());
    }

    /** Records a webhook call if the key is under its limit within the window; false when over the limit. */
    boolean admitWebhookCall(String key, int limit, Duration window) {
        Instant now = clock.instant();
        Deque<Instant> calls = webhookCalls.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!calls.isEmpty() && !calls.peekFirst().isAfter(now.minus(window))) {
            calls.removeFirst();
        }
        if (calls.size() >= limit) {
            return false;
        }
        calls.addLast(now);
        return true;
    }

    void record(ReceivedRequest request) {
        received.add(request);
    }

    List<ReceivedRequest> received() {
        return List.copyOf(received);
    }

    void reset() {
        received.clear();
        webhookCalls.clear();
        faults.clear();
        tokens.forgetIssuanceCounts();
    }

    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
