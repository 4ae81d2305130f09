package org.karaul.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
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
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.karaul.alerts.AlertsApp;
import org.karaul.alerts.AlertsConfig;
import org.karaul.config.Settings;
import org.karaul.contract.Alert;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.Severity;
import org.karaul.processor.classify.Classification;
import org.karaul.processor.classify.Classifiers;
import org.karaul.processor.classify.Document;
import org.karaul.processor.classify.TaxonomyClassifier;
import org.karaul.contract.kafka.Topics;
import org.karaul.ingest.IngestApp;
import org.karaul.ingest.IngestConfig;
import org.karaul.kafka.embedded.KafkaBrokerExtension;
import org.karaul.processor.ProcessorApp;
import org.karaul.processor.ProcessorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on a real broker: a feed on a loopback HTTP server → ingest → karaul.items.raw → processor →
 * karaul.items.classified → alerts → karaul.alerts, read back with a read_committed consumer.
 */
@ExtendWith(KafkaBrokerExtension.class)
class PipelineIT {
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<AutoCloseable> started = new ArrayList<>();
    private HttpServer site;

    @TempDir
    Path dir;

    @BeforeEach
    void serveFeed() throws Exception {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        String base = "http://127.0.0.1:" + site.getAddress().getPort();
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>IT outlet</title>
                <item><title>Border guards exchange fire on Kyrgyz-Tajik frontier, one soldier killed</title>
                  <link>%1$s/clash-%2$s.html</link><pubDate>Sun, 22 Nov 2026 06:40:00 GMT</pubDate>
                  <description>Kyrgyz and Tajik border guards exchanged fire in Batken region; one soldier was killed.</description></item>
                <item><title>Uzbek cotton harvest beats forecast</title>
                  <link>%1$s/cotton-%2$s.html</link><pubDate>Sun, 22 Nov 2026 07:00:00 GMT</pubDate>
                  <description>Farmers in the Fergana valley brought in a record harvest.</description></item>
                </channel></rss>
                """.formatted(base, run);
        site.createContext("/feed.xml", ex -> {
            byte[] body = feed.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        site.start();
        Files.writeString(dir.resolve("sources.yaml"), "sources:\n  - {id: it-outlet, type: rss, url: '" + base
                + "/feed.xml', interval: 1h, lang: en, grade: B}\n");
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        site.stop(0);
    }

    @Test
    void shouldTurnAFeedEntryIntoAnExplainedAlertOnTheAlertsTopic() {
        String kafka = KafkaBrokerExtension.bootstrapServers();
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        started.add(ProcessorApp.start(ProcessorConfig.from(Settings.of(ProcessorConfig.DEFAULTS, Map.of(
                "kafka.bootstrap.servers", kafka, "processor.application.id", "it-processor-" + run,
                "processor.state.dir", dir.resolve("state").toString()))), metrics, null));
        started.add(AlertsApp.start(AlertsConfig.from(Settings.of(AlertsConfig.DEFAULTS, Map.of(
                "kafka.bootstrap.servers", kafka, "alerts.application.id", "it-alerts-" + run,
                "alerts.dispatch.group.id", "it-dispatch-" + run,
                "alerts.state.dir", dir.resolve("state").toString()))), metrics, null, List.of()));
        started.add(IngestApp.start(IngestConfig.from(Settings.of(IngestConfig.DEFAULTS, Map.of(
                "kafka.bootstrap.servers", kafka, "ingest.sources.path", dir.resolve("sources.yaml").toString(),
                "ingest.fetch.articles", "false", "ingest.transactional.id", "it-ingest-" + run))), metrics, null));

        Alert alert = awaitAlert(kafka, a -> a.sources().get(0).url().endsWith("clash-" + run + ".html"));

        // The alert carries exactly what the classifier decided for this document (its judgement is tested in the
        // processor module; here the pipeline must neither lose nor alter it).
        String title = "Border guards exchange fire on Kyrgyz-Tajik frontier, one soldier killed";
        Classification expected;
        try (TaxonomyClassifier classifier = Classifiers.load(null)) {
            expected = classifier.classify(new Document("x", title,
                    "Kyrgyz and Tajik border guards exchanged fire in Batken region; one soldier was killed.", "en"));
        }
        assertThat(alert.title()).isEqualTo(title);
        assertThat(alert.categories()).containsExactlyInAnyOrderElementsOf(
                expected.categories().stream().map(CategoryLabel::id).toList()).contains("border.interstate_clash");
        assertThat(alert.countries()).isEqualTo(expected.countries()).isNotEmpty();
        assertThat(alert.severity()).isEqualTo(expected.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alert.sources()).singleElement().satisfies(s -> {
            assertThat(s.sourceId()).isEqualTo("it-outlet");
            assertThat(s.grade()).isEqualTo("B");
        });
        assertThat(alert.evidence()).isNotEmpty();
        assertThat(alert.lineage().taxonomyVersion()).isEqualTo(expected.taxonomyVersion());
        assertThat(alert.lineage().origins()).singleElement()
                .satisfies(o -> assertThat(o.topic()).isEqualTo(Topics.ITEMS_RAW.name()));
    }

    private Alert awaitAlert(String kafka, java.util.function.Predicate<Alert> wanted) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + run);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Alert> seen = new ArrayList<>();
        try (KafkaConsumer<String, AlertEvent> c = new KafkaConsumer<>(p, Topics.ALERTS.keySerde().deserializer(),
                Topics.ALERTS.valueSerde().deserializer())) {
            c.subscribe(Set.of(Topics.ALERTS.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, AlertEvent> r : c.poll(Duration.ofMillis(250))) {
                    Alert alert = r.value().data();
                    seen.add(alert);
                    if (wanted.test(alert)) {
                        assertThat(r.value().type()).isEqualTo("org.karaul.alert.opened");
                        assertThat(r.value().subject()).isEqualTo(alert.developmentId()).isEqualTo(r.key());
                        return alert;
                    }
                }
            }
        }
        throw new AssertionError("no matching alert within 90 s; saw " + seen.stream().map(Alert::title).toList());
    }
}
