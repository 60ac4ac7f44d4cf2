package com.tierpoint.gateway.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Fault switches of a {@link WeChatSandbox}: make the next calls of an endpoint fail with a WeChat error code, or
 * make every access token issued so far invalid.
 */
public final class SandboxFaults {

    private final Object lock;
    private final AccessTokens tokens;
    private final Map<String, Deque<Pending>> pending = new HashMap<>();

    SandboxFaults(Object lock, AccessTokens tokens) {
        this.lock = lock;
        this.tokens = tokens;
    }

    private static final class Pending {
        private final WeChatError error;
        private final Predicate<ReceivedRequest> only;
        private int remaining;

        private Pending(WeChatError error, Predicate<ReceivedRequest> only, int remaining) {
            this.error = error;
            this.only = only;
            this.remaining = remaining;
        }
    }

    /**
     * The next {@code times} calls to {@code path} answer {@code errcode} with WeChat's errmsg for it instead of
     * the real answer. Faults set on the same path queue up. A 40001 fault also revokes the access token the
     * failing call presented, so the client has to fetch a new one.
     *
     * @param path request path without query, e.g. {@code /wxa/getwxacodeunlimit}
     * @param errcode one of -1, 40001, 40003, 40013, 40029, 40125, 40163, 40169, 41030, 43101, 45009 (and the other
     *     codes the sandbox answers by itself, such as 40014, 42001)
     * @param times how many calls fail, at least 1
     * @throws IllegalArgumentException for an errcode the sandbox has no errmsg for
     */
    public void failNext(String path, int errcode, int times) {
        failNext(path, errcode, times, request -> true);
    }

    /**
     * Like {@link #failNext(String, int, int)}, but only calls the predicate accepts fail (and count), such as the
     * sends to one user: other clients' calls to the same path meanwhile are answered as usual.
     */
    public void failNext(String path, int errcode, int times, Predicate<ReceivedRequest> only) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        WeChatError error = WeChatError.of(errcode)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no WeChat errmsg known for errcode " + errcode + "; supported: " + supportedCodes()));
        synchronized (lock) {
            pending.computeIfAbsent(path, p -> new ArrayDeque<>()).addLast(new Pending(error, only, times));
        }
    }

    /** Every access token issued so far becomes invalid; calls answer 40001 until the client fetches a new one. */
    public void expireTokens() {
        synchronized (lock) {
            tokens.revokeAll();
        }
    }

    /** Forgets all pending faults. */
    public void clear() {
        synchronized (lock) {
            pending.clear();
        }
    }

    /** Takes one pending fault of the path that applies to the request, if any. Called under the sandbox lock. */
    Optional<WeChatError> take(String path, ReceivedRequest request) {
        Deque<Pending> queue = pending.get(path);
        if (queue == null) {
            return Optional.empty();
        }
        for (Iterator<Pending> it = queue.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (applies(p, request)) {
                p.remaining--;
                if (p.remaining == 0) {
                    it.remove();
                }
                return Optional.of(p.error);
            }
        }
        return Optional.empty();
    }

    private static boolean applies(Pending p, ReceivedRequest request) {
        try {
            return p.only.test(request);
        } catch (RuntimeException e) {
            return false; // e.g. a body the predicate cannot read: not the call it was meant for
        }
    }

    private static String supportedCodes() {
        return java.util.Arrays.stream(WeChatError.values())
                .map(e -> Integer.toString(e.code()))
                .distinct()
                .collect(Collectors.joining(", "));
    }
}
