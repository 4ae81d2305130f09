package org.karaul.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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

    /** Starts one service's parts, given its metrics registry and (unless disabled) its ops endpoint. */
    @FunctionalInterface
    public interface ServiceStarter {
        AutoCloseable start(MeterRegistry metrics, OpsServer ops) throws Exception;
    }

    /**
     * Runs a service until SIGINT or SIGTERM: a Prometheus registry, the ops endpoint on {@code opsHost:opsPort}
     * (none when the port is negative), then the service itself; closes all of it in reverse order at the end,
     * or at once if start-up fails.
     *
     * @return the process exit code, 0
     */
    public static int runService(String name, String opsHost, int opsPort, ServiceStarter starter) throws Exception {
        Lifecycle life = new Lifecycle();
        try {
            PrometheusMeterRegistry metrics = Metrics.unbound();
            OpsServer ops = opsPort < 0 ? null : life.add("ops", OpsServer.start(opsHost, opsPort, metrics));
            life.add(name, starter.start(metrics, ops));
            Metrics.bindJvm(metrics); // after the start: a restarted service gets to its first record sooner
        } catch (Exception e) {
            life.closeAll();
            throw e;
        }
        life.awaitSignal();
        return 0;
    }

    /** Blocks until the JVM is asked to stop, then closes everything. */
    public void awaitSignal() throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, "karaul-shutdown"));
        stopped.await();
    }
}
