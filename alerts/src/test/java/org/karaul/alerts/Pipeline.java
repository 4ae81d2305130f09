package org.karaul.alerts;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.karaul.config.Settings;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.kafka.GroupingKey;
import org.karaul.contract.kafka.Topics;
import org.karaul.ops.TopicSetup;

/**
 * The pipeline from {@code karaul.items.classified} on: the alerts service (developments and alerts) with its HTTP
 * server on a free port, webhooks allowed to loopback, quick retries and no cooldown. Its stream starts
 * at the current end of its input topic, so records of other tests on the shared broker do not leak in; or, in the
 * upgrade from two applications, its group starts with no positions and takes a former developments group's.
 */
final class Pipeline implements AutoCloseable {
    static final String TOKEN = "it-token";

    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    /** The stream's application id, so its consumer group. */
    final String group;
    final AlertsApp alerts;
    final KafkaProducer<String, ClassifiedItem> items;

    Pipeline(String servers, Path dir) throws Exception {
        this(servers, dir, null);
    }

    /** With {@code formerGroup}, the stream's group has no positions before the start and that group is the former one. */
    Pipeline(String servers, Path dir, String formerGroup) throws Exception {
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", servers);
        TopicSetup.ensure(kafka, Topics.all());
        String run = UUID.randomUUID().toString().substring(0, 8);
        group = "it-alerts-" + run;

        if (formerGroup == null) {
            Offsets.skipToEnd(kafka, group, List.of(Topics.ITEMS_CLASSIFIED.name()));
        }
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, "defaults: {minSeverity: medium, corroboration: {high: 2, critical: 2}, trustedGrades: [A],"
                + " cooldown: 0s, realertOnEscalation: true}\n");
        alerts = AlertsApp.start(AlertsConfig.from(Settings.of(AlertsConfig.DEFAULTS, Map.ofEntries(
                Map.entry("kafka.bootstrap.servers", servers), Map.entry("alerts.application.id", group),
                Map.entry("alerts.developments.former.group", formerGroup == null ? "" : formerGroup),
                Map.entry("alerts.rules.path", rules.toString()), Map.entry("alerts.state.dir", dir.resolve("alerts").toString()),
                Map.entry("alerts.commit.interval", "100ms"), Map.entry("alerts.dispatch.group.id", "it-dispatch-" + run),
                Map.entry("alerts.ops.port", "-1"), Map.entry("alerts.http.port", "0"),
                Map.entry("alerts.webhooks.token", TOKEN), Map.entry("alerts.webhooks.allow", "127.0.0.1/32"),
                Map.entry("alerts.webhooks.retry.max.age", "3d"), Map.entry("alerts.webhooks.backoff.initial", "200ms"),
                Map.entry("alerts.webhooks.backoff.max", "1s"), Map.entry("alerts.webhooks.timeout", "2s"),
                Map.entry("alerts.webhooks.group.prefix", "it-webhook-" + run + "-")))), metrics, null, List.of());
        items = new KafkaProducer<>(kafka, Topics.ITEMS_CLASSIFIED.keySerde().serializer(),
                Topics.ITEMS_CLASSIFIED.valueSerde().serializer());
    }

    /** Writes the item to its grouping key's partition, as the processor does. */
    void send(ClassifiedItem c) throws Exception {
        items.send(new ProducerRecord<>(Topics.ITEMS_CLASSIFIED.name(),
                GroupingKey.partition(c, Topics.ITEMS_CLASSIFIED.partitions()), c.item().id(), c)).get();
    }

    @Override
    public void close() throws Exception {
        items.close();
        alerts.close();
    }
}
