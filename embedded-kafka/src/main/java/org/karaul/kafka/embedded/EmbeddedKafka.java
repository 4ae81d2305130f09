package org.karaul.kafka.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker, combined broker and controller in KRaft mode, started in this JVM through the
 * production start-up path: format the storage (as {@code kafka-storage.sh format}), then start
 * {@link KafkaRaftServer} (as {@code kafka-server-start.sh}).
 *
 * <p>Single-node settings that exactly-once needs are applied: the offsets topic and transaction log at
 * replication factor 1 with a minimum ISR of 1.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String HOST = "127.0.0.1";

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final boolean deleteOnClose;
    private final int port;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, Path dataDir, boolean deleteOnClose, int port) {
        this.server = server;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.port = port;
    }

    /**
     * Starts a broker on free ports with its data in a fresh directory under {@code parent}, deleted on close.
     */
    public static EmbeddedKafka startTemporary(Path parent) {
        try {
            Files.createDirectories(parent);
            Path dir = Files.createTempDirectory(parent, "kraft-");
            return start(dir, freePort(), freePort(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a broker data directory under " + parent, e);
        }
    }

    /**
     * Starts a broker keeping its data in {@code dataDir}; formats the directory only when it is new, so a
     * restart resumes with the topics and offsets it had.
     *
     * @param port           client port on 127.0.0.1
     * @param controllerPort KRaft controller port on 127.0.0.1
     * @param deleteOnClose  whether {@link #close()} removes the data directory
     */
    public static EmbeddedKafka start(Path dataDir, int port, int controllerPort, boolean deleteOnClose) {
        long started = System.nanoTime();
        Properties props = serverProperties(dataDir.resolve("logs"), port, controllerPort);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
                format(dataDir, props);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare broker data directory " + dataDir, e);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
        server.startup();
        EmbeddedKafka kafka = new EmbeddedKafka(server, dataDir, deleteOnClose, port);
        kafka.awaitReady(Duration.ofSeconds(60));
        LOG.info("Kafka broker ready at {} in {} ms (data in {})", kafka.bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dataDir);
        return kafka;
    }

    /** The {@code bootstrap.servers} value for clients. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    static Properties serverProperties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@" + HOST + ":" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "5"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("log.cleaner.dedupe.buffer.size", "2097152"),
                Map.entry("auto.create.topics.enable", "false")));
        return p;
    }

    private static void format(Path dataDir, Properties props) throws IOException {
        Path cfg = dataDir.resolve("server.properties");
        try (var w = Files.newBufferedWriter(cfg, StandardCharsets.UTF_8)) {
            props.store(w, "written by Karaul's embedded broker");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", cfg.toString()}, ps);
        } catch (RuntimeException e) {
            throw new IllegalStateException("formatting broker storage in " + dataDir + " failed: "
                    + out.toString(StandardCharsets.UTF_8).trim(), e);
        }
    }

    private void awaitReady(Duration timeout) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(p)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    if (System.nanoTime() > deadline) {
                        close();
                        throw new IllegalStateException("broker at " + bootstrapServers() + " not ready within " + timeout, notYet);
                    }
                    pause();
                }
                if (System.nanoTime() > deadline) {
                    close();
                    throw new IllegalStateException("broker at " + bootstrapServers() + " reports no nodes within " + timeout);
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    /** Stops the broker (controlled shutdown) and, if it was asked to, deletes its data. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        if (deleteOnClose) {
            deleteRecursively(dataDir);
        }
        LOG.info("Kafka broker at {} stopped", bootstrapServers());
    }

    /**
     * A port free on 127.0.0.1 right now, for {@link #start(Path, int, int, boolean)}: a test that stops a broker and
     * starts it again on the same data directory keeps its ports, so clients reconnect to the same address.
     */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }

    /** Deletes a directory tree; used for broker data and by the demo's fresh start. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", dir, e.toString());
        }
    }
}
