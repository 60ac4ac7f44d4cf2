package com.tierpoint.gateway.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Codes that can be exchanged once within a time to live (wx.login codes, WeCom OAuth codes). Not thread-safe:
 * the sandbox calls it under its lock.
 *
 * @param <T> what a code stands for
 */
final class OneTimeCodes<T> {

    private final Clock clock;
    private final Duration timeToLive;
    private final RandomTokens random;
    private final Map<String, Minted<T>> codes = new HashMap<>();

    OneTimeCodes(Clock clock, Duration timeToLive, RandomTokens random) {
        this.clock = clock;
        this.timeToLive = timeToLive;
        this.random = random;
    }

    private record Minted<T>(T subject, Instant expiresAt, boolean used) {}

    /** Result of exchanging a code: the subject when redeemed, else why not. */
    record Redemption<T>(Outcome outcome, T subject) {}

    enum Outcome {
        REDEEMED,
        ALREADY_USED,
        INVALID
    }

    String mint(T subject) {
        forgetLongExpired();
        String code = random.code();
        codes.put(code, new Minted<>(subject, clock.instant().plus(timeToLive), false));
        return code;
    }

    Redemption<T> redeem(String code) {
        Minted<T> minted = code == null ? null : codes.get(code);
        if (minted == null || !minted.expiresAt().isAfter(clock.instant())) {
            return new Redemption<>(Outcome.INVALID, null);
        }
        if (minted.used()) {
            return new Redemption<>(Outcome.ALREADY_USED, null);
        }
        codes.put(code, new Minted<>(minted.subject(), minted.expiresAt(), true));
        return new Redemption<>(Outcome.REDEEMED, minted.subject());
    }

    private void forgetLongExpired() {
        Instant horizon = clock.instant().minus(Duration.ofDays(1));
        codes.values().removeIf(m -> m.expiresAt().isBefore(horizon));
    }
}
