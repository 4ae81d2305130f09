package org.karaul.ops;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a process alive until SIGINT or SIGTERM, then closes what was started in reverse order
 * (clients before the broker), each part once.
 */
public final class Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final Deque<NamedPart> parts = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private record NamedPart(String name, AutoCloseable part) {
    }

    /** Registers a started part; it will be closed before everything registered earlier. */
    public synchronized <T extends AutoCloseable> T add(String name, T part) {
        parts.push(new NamedPart(name, part));
        return part;
    }

    /** Closes every part, newest first, logging (not throwing) a part that fails to close. */
    public synchronized void closeAll() {
        while (!parts.isEmpty()) {
            NamedPart p = parts.pop();
            try {
                p.part().close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", p.name(), e.toString());
            }
        }
        stopped.countDown();
    }

    /** Blocks until the JVM is asked to stop, then closes everything. */
    public void awaitSignal() throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, "karaul-shutdown"));
        stopped.await();
    }
}
