package com.tierpoint.gateway.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
        private int remaining;

        private Pending(WeChatError error, int remaining) {
            this.error = error;
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
            pending.computeIfAbsent(path, p -> new ArrayDeque<>()).addLast(new Pending(error, times));
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

    /** Takes one pending fault of the path, if any. Called under the sandbox lock. */
    Optional<WeChatError> take(String path) {
        Deque<Pending> queue = pending.get(path);
        if (queue == null || queue.isEmpty()) {
            return Optional.empty();
        }
        Pending head = queue.peekFirst();
        head.remaining--;
        if (head.remaining == 0) {
            queue.removeFirst();
        }
        return Optional.of(head.error);
    }

    private static String supportedCodes() {
        return java.util.Arrays.stream(WeChatError.values())
                .map(e -> Integer.toString(e.code()))
                .distinct()
                .collect(Collectors.joining(", "));
    }
}
