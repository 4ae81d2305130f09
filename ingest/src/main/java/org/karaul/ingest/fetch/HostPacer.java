package org.karaul.ingest.fetch;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps a minimum gap between requests to one host. Threads wanting the same host queue up in time order. */
public final class HostPacer {
    /** Waiting is a dependency so tests can see waits without spending them. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Map<String, Long> nextSlotNanos = new ConcurrentHashMap<>();
    private final Sleeper sleeper;

    public HostPacer(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    public static HostPacer real() {
        return new HostPacer(d -> Thread.sleep(d.toMillis()));
    }

    /** Blocks until this host may be contacted again, then books the next slot {@code gap} later. */
    public void awaitTurn(String host, Duration gap) throws InterruptedException {
        long now = System.nanoTime();
        long[] mine = new long[1];
        nextSlotNanos.compute(host, (h, next) -> {
            long slot = next == null || next < now ? now : next;
            mine[0] = slot;
            return slot + gap.toNanos();
        });
        long wait = mine[0] - now;
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
    }
}
