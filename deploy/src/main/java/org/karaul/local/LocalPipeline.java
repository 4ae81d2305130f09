package org.karaul.local;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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

/**
 * Starts ingest, processor and alerts in this JVM over one broker, in two steps: {@link #open} prepares the broker
 * (embedded or given), the metrics registry and the ops endpoint; the caller then writes its sources file (the demo
 * serves its sample site first) and calls {@link #start}. Every part is registered on the given {@link Lifecycle},
 * which closes them newest first.
 */
public final class LocalPipeline {
    private final LocalOptions options;
    private final Lifecycle life;
    private final String servers;
    private final PrometheusMeterRegistry metrics;
    private final OpsServer ops;
    private AlertsApp alerts;

    private LocalPipeline(LocalOptions options, Lifecycle life, String servers, PrometheusMeterRegistry metrics, OpsServer ops) {
        this.options = options;
        this.life = life;
        this.servers = servers;
        this.metrics = metrics;
        this.ops = ops;
    }

    /** Cleans up when asked, starts the embedded broker unless a cluster is given, then metrics and ops endpoint. */
    public static LocalPipeline open(LocalOptions options, Lifecycle life, PrintStream out) throws IOException {
        String servers = broker(options, life, out);
        PrometheusMeterRegistry metrics = Metrics.prometheus();
        OpsServer ops = life.add("ops", OpsServer.start("127.0.0.1", options.opsPort(), metrics));
        return new LocalPipeline(options, life, servers, metrics, ops);
    }

    private static String broker(LocalOptions o, Lifecycle life, PrintStream out) {
        if (o.bootstrap() != null) {
            if (o.clean()) {
                out.println("Clean start: deleting the karaul.* topics on " + o.bootstrap() + " (use --resume to keep them).");
                TopicReset.deleteTopics(kafka(o.bootstrap()));
            }
            return o.bootstrap();
        }
        if (o.clean()) {
            EmbeddedKafka.deleteRecursively(o.dataDir());
        }
        Path data = o.dataDir().resolve("kafka");
        out.println("Starting an embedded Kafka broker (KRaft) with its data in " + data + " …");
        return life.add("kafka", EmbeddedKafka.start(data, o.kafkaPort(), o.controllerPort(), false)).bootstrapServers();
    }

    /** Creates the topics, then starts processor, alerts (console, desk page, webhooks) and ingest over {@code sources}. */
    public LocalPipeline start(Path sources) {
        String id = options.idPrefix();
        String state = options.dataDir().resolve("streams").toString();
        TopicSetup.ensure(kafka(servers), Topics.all());
        life.add("processor", ProcessorApp.start(ProcessorConfig.from(Settings.of(ProcessorConfig.DEFAULTS, Map.of(
                "kafka.bootstrap.servers", servers, "processor.application.id", id + "processor",
                "processor.state.dir", state, "processor.ops.port", "-1"))), metrics, ops));
        Map<String, String> alertSettings = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", servers, "alerts.application.id", id + "alerts",
                "alerts.dispatch.group.id", id + "console", "alerts.console.enabled", "true",
                "alerts.state.dir", state, "alerts.ops.port", "-1",
                "alerts.http.port", Integer.toString(options.deskPort()), "alerts.webhooks.token", options.webhookToken()));
        // a data directory from before the development stage joined the alerts stream keeps its positions there
        alertSettings.put("alerts.developments.former.group", id + "processor-developments");
        if (options.loopbackWebhooks()) {
            alertSettings.put("alerts.webhooks.allow", "127.0.0.1/32,::1/128");
        }
        alerts = life.add("alerts", AlertsApp.start(AlertsConfig.from(Settings.of(AlertsConfig.DEFAULTS, alertSettings)),
                metrics, ops, List.of()));
        life.add("ingest", IngestApp.start(IngestConfig.from(Settings.of(IngestConfig.DEFAULTS, Map.of(
                "kafka.bootstrap.servers", servers, "ingest.sources.path", sources.toString(),
                "ingest.transactional.id", id + "ingest", "ingest.ops.port", "-1",
                "ingest.http.host.delay", options.hostDelay().toMillis() + "ms",
                "ingest.http.robots", Boolean.toString(options.obeyRobots())))), metrics, ops));
        return this;
    }

    /** The Kafka bootstrap servers in use. */
    public String servers() {
        return servers;
    }

    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    public OpsServer ops() {
        return ops;
    }

    /** The desk page's URL, once {@link #start} has run. */
    public String deskUrl() {
        return alerts == null ? null : alerts.url("/");
    }

    /** Plain client settings for the broker in use. */
    public Properties kafka() {
        return kafka(servers);
    }

    static Properties kafka(String servers) {
        Properties p = new Properties();
        p.put("bootstrap.servers", servers);
        return p;
    }
}
