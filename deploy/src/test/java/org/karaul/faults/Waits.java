package org.karaul.faults;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waiting on a condition with a deadline (never a bare sleep that hopes). */
final class Waits {
    private Waits() {
    }

    /** Polls {@code condition} every 50 ms; fails naming {@code what} if it is not true within {@code timeout}. */
    static void until(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            pause(Duration.ofMillis(50));
        }
    }

    /** Polls {@code condition} every 50 ms until it is true (then true) or {@code timeout} has passed (then false). */
    static boolean reached(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause(Duration.ofMillis(50));
        }
        return true;
    }

    /** Parks the thread between two checks of a condition. */
    static void pause(Duration d) {
        LockSupport.parkNanos(d.toNanos());
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
