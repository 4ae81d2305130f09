package org.karaul.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.karaul.alerts.AlertsApp;
import org.karaul.alerts.AlertsConfig;
import org.karaul.config.Settings;
import org.karaul.contract.kafka.Topics;
import org.karaul.ingest.IngestApp;
import org.karaul.ingest.IngestConfig;
import org.karaul.kafka.embedded.EmbeddedKafka;
import org.karaul.ops.Lifecycle;
import org.karaul.ops.Metrics;
import org.karaul.ops.OpsServer;
import org.karaul.ops.TopicSetup;
import org.karaul.processor.ProcessorApp;
import org.karaul.processor.ProcessorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code karaul demo}: the whole pipeline in one process — a real Kafka broker, the bundled sample sources on a
 * loopback port, ingest, processor and alerts — printing each alert as it arrives.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline locally: an embedded Kafka broker (KRaft), bundled sample sources on",
                "loopback, ingest, processor and alerts; print each alert as one line. Ctrl-C stops everything.",
                "By default each run starts from a clean state; --resume keeps the previous run's broker data."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "Use this Kafka broker instead of starting the embedded one.")
    String bootstrap;

    @Option(names = "--resume", description = "Keep the previous run's state (broker data, offsets, seen URLs) "
            + "instead of starting clean. With --bootstrap, a clean start deletes the karaul.* topics on that broker.")
    boolean resume;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the demo keeps its state (default: .karaul/demo "
            + "in the Karaul checkout).")
    Path dataDir;

    @Option(names = "--kafka-port", defaultValue = "19092", description = "Embedded broker's client port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--controller-port", defaultValue = "19093", description = "Embedded broker's controller port (default: ${DEFAULT-VALUE}).")
    int controllerPort;

    @Option(names = "--ops-port", defaultValue = "18080", description = "Port of the metrics and health endpoint (default: ${DEFAULT-VALUE}).")
    int opsPort;

    @Option(names = "--site-port", defaultValue = "0", description = "Port of the sample sources site (default: a free port).")
    int sitePort;

    @Option(names = "--poll-interval", defaultValue = "30s", description = "How often the sample sources are polled (default: ${DEFAULT-VALUE}).")
    String pollInterval;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("karaul.home", "."), ".karaul", "demo");
        Lifecycle life = new Lifecycle();
        try {
            String servers = startBroker(dir, life, out);
            PrometheusMeterRegistry metrics = Metrics.prometheus();
            OpsServer ops = life.add("ops", OpsServer.start("127.0.0.1", opsPort, metrics));
            SampleSite site = life.add("sample site", SampleSite.start(sitePort));
            Path sources = writeSources(dir, site.baseUrl());
            TopicSetup.ensure(kafka(servers), Topics.all());
            life.add("processor", ProcessorApp.start(ProcessorConfig.from(Settings.of(ProcessorConfig.DEFAULTS, Map.of(
                    "kafka.bootstrap.servers", servers, "processor.application.id", "karaul-demo-processor",
                    "processor.state.dir", dir.resolve("streams").toString(), "processor.ops.port", "-1"))), metrics, ops));
            life.add("alerts", AlertsApp.start(AlertsConfig.from(Settings.of(AlertsConfig.DEFAULTS, Map.of(
                    "kafka.bootstrap.servers", servers, "alerts.application.id", "karaul-demo-alerts",
                    "alerts.dispatch.group.id", "karaul-demo-console", "alerts.console.enabled", "true",
                    "alerts.state.dir", dir.resolve("streams").toString(), "alerts.ops.port", "-1"))), metrics, ops, List.of()));
            life.add("ingest", IngestApp.start(IngestConfig.from(Settings.of(IngestConfig.DEFAULTS, Map.of(
                    "kafka.bootstrap.servers", servers, "ingest.sources.path", sources.toString(),
                    "ingest.transactional.id", "karaul-demo-ingest", "ingest.ops.port", "-1",
                    "ingest.http.host.delay", "50ms"))), metrics, ops));
            out.println();
            out.println("Karaul demo running (" + (resume ? "resumed" : "clean start") + "). Kafka at " + servers
                    + "; sample sources at " + site.baseUrl() + "/");
            out.println("Metrics: " + ops.url("/metrics") + "   Health: " + ops.url("/health"));
            out.println("Alerts appear below as they arrive. Ctrl-C stops everything.");
            out.println();
        } catch (Exception e) {
            life.closeAll();
            throw e;
        }
        life.awaitSignal();
        return 0;
    }

    private String startBroker(Path dir, Lifecycle life, PrintStream out) {
        if (bootstrap != null) {
            if (!resume) {
                out.println("Clean start: deleting the karaul.* topics on " + bootstrap + " (use --resume to keep them).");
                DemoReset.deleteTopics(kafka(bootstrap));
            }
            return bootstrap;
        }
        if (!resume) {
            EmbeddedKafka.deleteRecursively(dir);
        }
        out.println("Starting an embedded Kafka broker (KRaft) with its data in " + dir.resolve("kafka") + " …");
        return life.add("kafka", EmbeddedKafka.start(dir.resolve("kafka"), kafkaPort, controllerPort, false)).bootstrapServers();
    }

    private Path writeSources(Path dir, String base) throws IOException {
        Files.createDirectories(dir);
        String every = "interval: " + pollInterval + ", minInterval: " + pollInterval;
        String yaml = String.join("\n",
                "# Written by karaul demo: the bundled sample sources, served on loopback. Format: ingest/INGEST.md.",
                "sources:",
                "  - {id: steppe-wire, type: rss, url: '" + base + "/en/feed.xml', " + every + ", lang: en, grade: B}",
                "  - {id: vesti-fergany, type: rss, url: '" + base + "/ru/feed.xml', " + every + ", lang: ru, grade: C}",
                "  - {id: pamir-herald, type: html, url: '" + base + "/news/', " + every + ", lang: en, grade: C,",
                "     selectors: {links: 'ul.headlines a.story'}}",
                "  - {id: karaul-sample-tg, type: telegram, url: '" + base + "/telegram/s/karaul_sample.html', " + every
                        + ", lang: ru, grade: D}",
                "  - {id: border-review, type: pdf, url: '" + base + "/reports/sughd-review-2026-11.pdf', " + every
                        + ", lang: en, grade: B}",
                "");
        Path file = dir.resolve("sources.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    private static Properties kafka(String servers) {
        Properties p = new Properties();
        p.put("bootstrap.servers", servers);
        return p;
    }
}
