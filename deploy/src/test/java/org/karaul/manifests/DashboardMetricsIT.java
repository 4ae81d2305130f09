package org.karaul.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.karaul.alerts.AlertsApp;
import org.karaul.alerts.AlertsConfig;
import org.karaul.config.Settings;
import org.karaul.contract.kafka.Topics;
import org.karaul.ingest.IngestApp;
import org.karaul.ingest.IngestConfig;
import org.karaul.kafka.embedded.KafkaBrokerExtension;
import org.karaul.ops.Metrics;
import org.karaul.ops.OpsServer;
import org.karaul.processor.ProcessorApp;
import org.karaul.processor.ProcessorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric the Grafana dashboard (deploy/grafana/karaul.json) queries is served: ingest, processor and alerts
 * run on a real broker with their own Prometheus registries and ops endpoints, crawl a loopback feed, classify, alert
 * and deliver to two loopback webhook receivers (one failing once, then taking the alert; one answering 410), with
 * poison records on the raw and classified topics; then their /metrics are scraped over HTTP until each queried name
 * has appeared.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DashboardMetricsIT {
    static final Path DASHBOARD = Path.of("grafana/karaul.json");
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final String TOKEN = "dashboard-it-api-token";
    /** A metric name in a PromQL expression: the prefixes of Karaul's, Kafka's and the JVM binders' meters. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:karaul|kafka|jvm|process|system)_[a-z0-9_]+)");
    private static final Pattern LABELS = Pattern.compile("\\{[^}]*}");

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<OpsServer> endpoints = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer site;
    private HttpServer receiver;
    private final AtomicInteger okCalls = new AtomicInteger();
    private final AtomicInteger goneCalls = new AtomicInteger();

    @TempDir
    Path dir;

    /** The metric names of every expression of every panel. */
    static Set<String> queriedMetrics(JsonNode dashboard) {
        Set<String> names = new TreeSet<>();
        for (JsonNode expr : dashboard.findValues("expr")) {
            Matcher m = METRIC.matcher(LABELS.matcher(expr.asText()).replaceAll(""));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The metric names of a Prometheus text exposition. */
    static Set<String> exposed(String text) {
        Set<String> names = new TreeSet<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int end = line.indexOf('{');
                names.add(line.substring(0, end >= 0 ? end : line.indexOf(' ')));
            }
        }
        return names;
    }

    @BeforeEach
    void serve() throws IOException {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        String base = "http://127.0.0.1:" + site.getAddress().getPort();
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>IT outlet</title>
                <item><title>Border guards exchange fire on Kyrgyz-Tajik frontier, one soldier killed</title>
                  <link>%1$s/clash-%2$s.html</link><pubDate>%3$s</pubDate>
                  <description>Kyrgyz and Tajik border guards exchanged fire in Batken region; one soldier was killed.</description></item>
                <item><title>Uzbek cotton harvest beats forecast</title>
                  <link>%1$s/cotton-%2$s.html</link><pubDate>%3$s</pubDate>
                  <description>Farmers in the Fergana valley brought in a record harvest.</description></item>
                </channel></rss>
                """.formatted(base, run, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(5)));
        site.createContext("/feed.xml", ex -> answer(ex, 200, feed));
        site.start();
        Files.writeString(dir.resolve("sources.yaml"), "sources:\n  - {id: it-outlet, type: rss, url: '" + base
                + "/feed.xml', interval: 1h, lang: en, grade: B}\n");
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        // the first delivery fails transiently (a retry), the next one lands
        receiver.createContext("/ok", ex -> answer(ex, okCalls.getAndIncrement() == 0 ? 503 : 200, ""));
        // a permanent refusal: the alert goes to the webhook dead letters
        receiver.createContext("/gone", ex -> {
            goneCalls.incrementAndGet();
            answer(ex, 410, "");
        });
        receiver.start();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getRequestBody().readAllBytes();
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        site.stop(0);
        receiver.stop(0);
    }

    private OpsServer ops(PrometheusMeterRegistry registry) throws IOException {
        OpsServer ops = OpsServer.start("127.0.0.1", 0, registry);
        started.add(ops);
        endpoints.add(ops);
        return ops;
    }

    @Test
    void shouldServeEveryMetricTheDashboardQueries() throws Exception {
        Set<String> wanted = queriedMetrics(new ObjectMapper().readTree(DASHBOARD.toFile()));
        assertThat(wanted).as("metrics queried by " + DASHBOARD).hasSizeGreaterThan(10);

        String kafka = KafkaBrokerExtension.bootstrapServers();
        PrometheusMeterRegistry processorMetrics = Metrics.prometheus();
        started.add(ProcessorApp.start(ProcessorConfig.from(Settings.of(ProcessorConfig.DEFAULTS, Map.of(
                "kafka.bootstrap.servers", kafka, "processor.application.id", "it-dash-processor-" + run,
                "processor.state.dir", dir.resolve("processor").toString()))), processorMetrics, ops(processorMetrics)));
        PrometheusMeterRegistry alertsMetrics = Metrics.prometheus();
        AlertsApp alerts = AlertsApp.start(AlertsConfig.from(Settings.of(AlertsConfig.DEFAULTS, Map.of(
                "kafka.bootstrap.servers", kafka, "alerts.application.id", "it-dash-alerts-" + run,
                "alerts.dispatch.group.id", "it-dash-dispatch-" + run, "alerts.console.enabled", "true",
                "alerts.http.port", "0", "alerts.webhooks.token", TOKEN, "alerts.webhooks.allow", "127.0.0.1/32",
                "alerts.webhooks.backoff.initial", "100ms", "alerts.webhooks.group.prefix", "it-dash-webhook-" + run + "-",
                "alerts.state.dir", dir.resolve("alerts").toString()))), alertsMetrics, ops(alertsMetrics), List.of());
        started.add(alerts);
        String hooks = "http://127.0.0.1:" + receiver.getAddress().getPort();
        subscribe(alerts, hooks + "/ok");
        subscribe(alerts, hooks + "/gone");
        PrometheusMeterRegistry ingestMetrics = Metrics.prometheus();
        started.add(IngestApp.start(IngestConfig.from(Settings.of(IngestConfig.DEFAULTS, Map.of(
                "kafka.bootstrap.servers", kafka, "ingest.sources.path", dir.resolve("sources.yaml").toString(),
                "ingest.fetch.articles", "false", "ingest.transactional.id", "it-dash-ingest-" + run))),
                ingestMetrics, ops(ingestMetrics)));
        sendPoison(kafka);

        Set<String> missing = new TreeSet<>(wanted);
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!missing.isEmpty() && Instant.now().isBefore(deadline)) {
            for (OpsServer ops : endpoints) {
                missing.removeAll(exposed(scrape(ops)));
            }
            if (!missing.isEmpty()) {
                Thread.sleep(250);
            }
        }
        assertThat(missing).as("metrics the dashboard queries that no service serves (webhook calls: ok %s, gone %s)",
                okCalls.get(), goneCalls.get()).isEmpty();
    }

    private void subscribe(AlertsApp alerts, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(alerts.url("/api/webhooks")))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private String scrape(OpsServer ops) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ops.url("/metrics"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /**
     * Records a stage cannot read: on the raw topic (the classifier dead-letters it itself) and on the classified
     * topic (the alerts stream's dead-letter handler takes it); both are dead-lettered and counted.
     */
    private static void sendPoison(String kafka) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String topic : List.of(Topics.ITEMS_RAW.name(), Topics.ITEMS_CLASSIFIED.name())) {
                producer.send(new ProducerRecord<>(topic, "poison".getBytes(StandardCharsets.UTF_8),
                        "{not json".getBytes(StandardCharsets.UTF_8))).get();
            }
        }
    }
}
