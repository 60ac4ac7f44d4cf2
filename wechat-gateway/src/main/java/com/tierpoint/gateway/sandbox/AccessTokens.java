package com.tierpoint.gateway.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Access tokens as WeChat hands them out: valid two hours; a newly issued token leaves the previous one of
 * the same account valid for a five minute grace only. Not thread-safe: the sandbox calls it under its lock.
 */
final class AccessTokens {

    static final Duration LIFETIME = Duration.ofHours(2);
    static final Duration GRACE = Duration.ofMinutes(5);

    private final Clock clock;
    private final RandomTokens random;
    private final Map<String, Issued> byToken = new HashMap<>();
    private final Map<Account, String> latest = new HashMap<>();
    private final Map<String, Integer> issuances = new HashMap<>();

    AccessTokens(Clock clock, RandomTokens random) {
        this.clock = clock;
        this.random = random;
    }

    record Issued(String token, Account account, Instant expiresAt) {

        long expiresInSeconds(Instant now) {
            return Math.max(0, Duration.between(now, expiresAt).toSeconds());
        }
    }

    /** Outcome of checking a token presented with a call. */
    sealed interface Check {
        record Valid(Account account) implements Check {}

        record Rejected(WeChatError error) implements Check {}
    }

    /** A new token for the account (what {@code /cgi-bin/token} does). */
    Issued issue(Account account) {
        Instant now = clock.instant();
        String previous = latest.get(account);
        if (previous != null) {
            Issued old = byToken.get(previous);
            if (old != null && old.expiresAt().isAfter(now.plus(GRACE))) {
                byToken.put(previous, new Issued(previous, account, now.plus(GRACE)));
            }
        }
        Issued issued = new Issued(random.token(), account, now.plus(LIFETIME));
        byToken.put(issued.token(), issued);
        latest.put(account, issued.token());
        issuances.merge(account.appId(), 1, Integer::sum);
        return issued;
    }

    /** The latest token if it is still valid, else a new one (stable_token, WeCom gettoken). */
    Issued latestOrIssue(Account account) {
        String token = latest.get(account);
        Issued current = token == null ? null : byToken.get(token);
        if (current != null && current.expiresAt().isAfter(clock.instant())) {
            return current;
        }
        return issue(account);
    }

    /**
     * Checks a token presented for an API of the given kind. A token past its lifetime answers {@code expired},
     * one never issued, superseded or revoked answers {@code invalid}.
     */
    Check check(String token, Account.Kind kind, WeChatError invalid, WeChatError expired) {
        if (token == null || token.isEmpty()) {
            return new Check.Rejected(WeChatError.ACCESS_TOKEN_MISSING);
        }
        Issued issued = byToken.get(token);
        if (issued == null || issued.account().kind() != kind) {
            return new Check.Rejected(invalid);
        }
        if (!issued.expiresAt().isAfter(clock.instant())) {
            boolean superseded = !token.equals(latest.get(issued.account()));
            return new Check.Rejected(superseded ? invalid : expired);
        }
        return new Check.Valid(issued.account());
    }

    /** Makes one token invalid at once. */
    void revoke(String token) {
        if (token != null) {
            byToken.remove(token);
        }
    }

    /** Makes every token issued so far invalid at once. */
    void revokeAll() {
        byToken.clear();
    }

    int issuances(String appId) {
        return issuances.getOrDefault(appId, 0);
    }

    void forgetIssuanceCounts() {
        issuances.clear();
    }

    Optional<Issued> find(String token) {
        return Optional.ofNullable(byToken.get(token));
    }
}
