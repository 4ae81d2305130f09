package org.karaul.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The embedded broker in its own JVM ({@code karaul broker}), on fixed ports and a kept data directory, so that it
 * can be killed with SIGKILL and started again on the same data, as a crashed broker is.
 */
final class BrokerJvm implements AutoCloseable {
    private final ChildJvm jvm;
    private final int port;

    private BrokerJvm(Path dir, int port, int controllerPort) {
        this.port = port;
        this.jvm = new ChildJvm("broker", dir.resolve("broker.log"), Stack.archive(dir, "broker"), "768m", "broker", "--data-dir",
                dir.resolve("broker-data").toString(), "--kafka-port", Integer.toString(port), "--controller-port",
                Integer.toString(controllerPort));
    }

    static BrokerJvm start(Path dir) {
        BrokerJvm broker = new BrokerJvm(dir, freePort(), freePort());
        broker.jvm.start();
        broker.awaitReady(Duration.ofMinutes(3));
        return broker;
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    void kill() {
        jvm.kill();
    }

    /** Starts the broker again on the same ports and data and waits until it answers. */
    void restart() {
        jvm.start();
        awaitReady(Duration.ofMinutes(3));
    }

    void requireAlive() {
        jvm.requireAlive();
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000))) {
            while (true) {
                jvm.requireAlive();
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("broker at " + bootstrap() + " not ready within " + timeout + "; see "
                                + jvm.log(), notYet);
                    }
                    Waits.pause(Duration.ofMillis(100));
                }
            }
        }
    }

    @Override
    public void close() {
        jvm.stop();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
