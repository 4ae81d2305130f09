package org.karaul.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.karaul.config.Settings;
import org.karaul.contract.ItemIds;
import org.karaul.contract.RawItem;
import org.karaul.contract.SeenUrl;
import org.karaul.ingest.testing.CommittedTopics;
import org.karaul.ingest.testing.LoopbackServer;
import org.karaul.kafka.embedded.EmbeddedKafka;
import org.karaul.ops.Metrics;
import org.karaul.ops.OpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker goes away while ingest crawls and comes back on the same data and ports: what ingest found during
 * the outage waits in memory (the feed answers 304 by then, so it could not be found again), nothing is
 * published twice, and every item has its seen mark.
 */
class BrokerOutageIT {
    private static final int BEFORE = 10;
    private static final int DURING = 15;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger visible = new AtomicInteger(BEFORE);
    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedKafka kafka;
    private LoopbackServer site;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void shouldKeepWhatItFoundWhileTheBrokerIsAwayAndPublishEachItemOnceWhenItReturns() throws Exception {
        Path data = dir.resolve("broker");
        int port = EmbeddedKafka.freePort();
        int controller = EmbeddedKafka.freePort();
        kafka = EmbeddedKafka.start(data, port, controller, false);
        String bootstrap = kafka.bootstrapServers();
        site = new LoopbackServer().on("/feed.xml", ex -> {
            String body = feed(visible.get());
            String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
            ex.getResponseHeaders().set("ETag", etag);
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            LoopbackServer.respond(ex, 200, "application/rss+xml", body);
        });
        Files.writeString(dir.resolve("sources.yaml"), "sources:\n  - {id: outage-feed, type: rss, url: '"
                + site.url("/feed.xml") + "', interval: 300ms, minInterval: 100ms}\n");
        Map<String, String> settings = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "ingest.sources.path", dir.resolve("sources.yaml").toString(),
                "ingest.fetch.articles", "false",
                "ingest.http.host.delay", "0s",
                "ingest.transactional.id", "it-outage-" + run,
                "ingest.publish.retry.backoff.max", "1s"));
        settings.putAll(Map.of("kafka.max.block.ms", "2000", "kafka.request.timeout.ms", "2000",
                "kafka.delivery.timeout.ms", "4000", "kafka.reconnect.backoff.max.ms", "500"));
        PrometheusMeterRegistry metrics = Metrics.prometheus();
        try (OpsServer ops = OpsServer.start("127.0.0.1", 0, metrics);
             IngestApp app = IngestApp.start(IngestConfig.from(Settings.of(IngestConfig.DEFAULTS, settings)), metrics, ops)) {
            awaitTrue("the first " + BEFORE + " items committed", Duration.ofSeconds(60),
                    () -> itemsOfThisRun(bootstrap).size() >= BEFORE);
            assertThat(health(ops)).contains("\"status\":\"UP\"");

            kafka.close();
            long fetchesBefore = site.count("/feed.xml");
            visible.set(BEFORE + DURING);
            awaitTrue("a failed publish and the new items waiting", Duration.ofSeconds(60),
                    () -> failures(metrics) >= 1 && pending(metrics) >= DURING);
            long fetchesAtFailure = site.count("/feed.xml");
            awaitTrue("two more polls of the feed (answered 304) during the outage", Duration.ofSeconds(30),
                    () -> site.count("/feed.xml") >= fetchesAtFailure + 2);
            assertThat(fetchesAtFailure).isGreaterThan(fetchesBefore);
            assertThat(health(ops)).contains("\"status\":\"DOWN\"").contains("ingest.publish")
                    .contains(DURING + " items");

            kafka = EmbeddedKafka.start(data, port, controller, true);
            awaitTrue("all " + (BEFORE + DURING) + " items committed", Duration.ofSeconds(90),
                    () -> itemsOfThisRun(bootstrap).size() >= BEFORE + DURING);
            awaitTrue("nothing waiting", Duration.ofSeconds(30), () -> pending(metrics) == 0);
            assertThat(health(ops)).contains("\"status\":\"UP\"");
        }

        List<RawItem> items = itemsOfThisRun(bootstrap);
        assertThat(items).as("each item exactly once").hasSize(BEFORE + DURING)
                .extracting(RawItem::url).doesNotHaveDuplicates();
        assertThat(items).extracting(RawItem::version).containsOnly(1);
        Map<String, SeenUrl> marks = CommittedTopics.marks(bootstrap, m -> m.url().contains(run)).stream()
                .collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value, (a, b) -> b));
        assertThat(marks).hasSize(BEFORE + DURING);
        for (RawItem item : items) {
            assertThat(marks.get(item.id())).as("mark of %s", item.url()).isNotNull()
                    .satisfies(m -> assertThat(m.url()).isEqualTo(item.url()))
                    .satisfies(m -> assertThat(m.version()).isEqualTo(item.version()));
            assertThat(item.id()).isEqualTo(ItemIds.forUrl(item.url()));
        }
    }

    private String feed(int n) {
        StringBuilder b = new StringBuilder("<rss version=\"2.0\"><channel><title>outage</title>");
        for (int i = n; i >= 1; i--) {
            b.append("<item><title>Item ").append(i).append("</title><link>").append(site.url("/a/" + run + "/" + i))
                    .append("</link><description>Text of item ").append(i).append(".</description></item>");
        }
        return b.append("</channel></rss>").toString();
    }

    private List<RawItem> itemsOfThisRun(String bootstrap) {
        return CommittedTopics.items(bootstrap, i -> i.url().contains(run));
    }

    private static double failures(PrometheusMeterRegistry metrics) {
        return metrics.find("karaul.ingest.publish.failures").counters().stream().mapToDouble(Counter::count).sum();
    }

    private static double pending(PrometheusMeterRegistry metrics) {
        Gauge g = metrics.find("karaul.ingest.publish.pending").gauge();
        return g == null ? -1 : g.value();
    }

    private String health(OpsServer ops) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(ops.url("/health"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + timeout).isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
        }
    }
}
