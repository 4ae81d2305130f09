package org.karaul.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.karaul.config.Settings;
import org.karaul.contract.RawItem;
import org.karaul.contract.kafka.Topics;
import org.karaul.kafka.embedded.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Across a restart, ingest emits each URL once per content version: unchanged entries are not emitted again. */
@ExtendWith(KafkaBrokerExtension.class)
class IngestRestartIT {
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicReference<String> feed = new AtomicReference<>();
    private HttpServer site;
    private String base;

    @TempDir
    Path dir;

    @BeforeEach
    void serveFeed() throws Exception {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        base = "http://127.0.0.1:" + site.getAddress().getPort();
        site.createContext("/feed.xml", ex -> {
            byte[] body = feed.get().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        site.start();
        Files.writeString(dir.resolve("sources.yaml"), "sources:\n  - {id: it-feed, type: rss, url: '" + base
                + "/feed.xml', interval: 1h}\n");
    }

    @AfterEach
    void stop() {
        site.stop(0);
    }

    private String feedWith(String secondSummary) {
        return "<rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>One</title><link>" + base + "/one-" + run + "</link><description>first</description></item>"
                + "<item><title>Two</title><link>" + base + "/two-" + run + "</link><description>" + secondSummary
                + "</description></item></channel></rss>";
    }

    @Test
    void shouldNotRepublishUnchangedUrlsAfterRestartButEmitAChangedOneAsANewVersion() throws Exception {
        feed.set(feedWith("second"));
        runOnePoll();
        assertThat(itemsOfThisRun(2)).extracting(RawItem::title, RawItem::version)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("One", 1), org.assertj.core.groups.Tuple.tuple("Two", 1));

        runOnePoll();
        assertThat(itemsOfThisRun(2)).hasSize(2);

        feed.set(feedWith("second, corrected"));
        runOnePoll();
        List<RawItem> items = itemsOfThisRun(3);
        assertThat(items).hasSize(3);
        assertThat(items).filteredOn(i -> i.version() == 2).singleElement()
                .satisfies(i -> assertThat(i.text()).isEqualTo("second, corrected"));
    }

    /** Starts ingest, waits until its first poll finished, stops it. */
    private void runOnePoll() throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (IngestApp app = IngestApp.start(IngestConfig.from(Settings.of(IngestConfig.DEFAULTS, Map.of(
                "kafka.bootstrap.servers", KafkaBrokerExtension.bootstrapServers(),
                "ingest.sources.path", dir.resolve("sources.yaml").toString(), "ingest.fetch.articles", "false",
                "ingest.transactional.id", "it-ingest-" + run))), metrics, null)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (polls(metrics) < 1) {
                assertThat(System.nanoTime()).as("first poll within 60 s").isLessThan(deadline);
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
            }
            assertThat(metrics.find("karaul.ingest.polls").tag("outcome", "success").timer()).isNotNull();
        }
    }

    private static long polls(SimpleMeterRegistry metrics) {
        return metrics.find("karaul.ingest.polls").timers().stream().mapToLong(Timer::count).sum();
    }

    /**
     * The raw items of this run, read committed, once at least {@code expected} of them are readable (or after a
     * 30 s deadline): a transaction's commit markers reach the partitions shortly after {@code commitTransaction}
     * returns, so a read right after ingest stops may not see them yet. More than expected is returned as found.
     */
    private List<RawItem> itemsOfThisRun(int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<RawItem> out = readItemsOfThisRun();
        while (out.size() < expected && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
            out = readItemsOfThisRun();
        }
        return out;
    }

    private List<RawItem> readItemsOfThisRun() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerExtension.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<RawItem> out = new ArrayList<>();
        try (KafkaConsumer<String, RawItem> c = new KafkaConsumer<>(p, Topics.ITEMS_RAW.keySerde().deserializer(),
                Topics.ITEMS_RAW.valueSerde().deserializer())) {
            List<TopicPartition> parts = c.partitionsFor(Topics.ITEMS_RAW.name()).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                c.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.value().url().contains(run)) {
                        out.add(r.value());
                    }
                });
            }
        }
        return out;
    }
}
