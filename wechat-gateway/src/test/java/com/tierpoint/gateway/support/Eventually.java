package com.tierpoint.gateway.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Waiting for asynchronous effects (event consumers, pollers) by polling a condition with a deadline. */
public final class Eventually {

    private static final long STEP_MS = 50;

    private Eventually() {}

    /** Polls until {@code condition} holds; fails with {@code what} when the deadline passes first. */
    public static void await(Duration timeout, Supplier<Boolean> condition) {
        await(timeout, "condition", condition);
    }

    public static void await(Duration timeout, String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (Boolean.TRUE.equals(condition.get())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still not true after " + timeout + ": " + what);
            }
            sleep();
        }
    }

    /**
     * Checks that {@code condition} holds throughout {@code window}: for asserting that something
     * does NOT happen (a reminder held during quiet hours), where there is no event to wait for.
     */
    public static void holdsFor(Duration window, String what, Supplier<Boolean> condition) {
        long end = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < end) {
            if (!Boolean.TRUE.equals(condition.get())) {
                throw new AssertionError("stopped being true within " + window + ": " + what);
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(STEP_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
