package com.tierpoint.core.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition by spinning (no sleeping), failing after a deadline. */
public final class Await {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private Await() {}

    /** Returns as soon as the condition holds; fails after 30 s. */
    public static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in " + DEADLINE.toSeconds() + " s");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
