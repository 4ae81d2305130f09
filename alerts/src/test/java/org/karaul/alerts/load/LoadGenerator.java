package org.karaul.alerts.load;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.karaul.alerts.AlertsApp;
import org.karaul.alerts.AlertsConfig;
import org.karaul.alerts.Offsets;
import org.karaul.config.Settings;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Development;
import org.karaul.contract.DevelopmentStatus;
import org.karaul.contract.RawItem;
import org.karaul.contract.Severity;
import org.karaul.contract.SourceOffset;
import org.karaul.contract.kafka.Topics;
import org.karaul.ops.TopicSetup;
import org.karaul.processor.ProcessorApp;
import org.karaul.processor.ProcessorConfig;

/**
 * Runs the real processor and alerts services (their default settings, bundled taxonomy, grouping and alert rules)
 * on a broker, feeds a {@link StoryMix} into {@code karaul.items.raw} at a steady rate, and measures the end-to-end
 * latency from an item's write to the alert it triggered being readable on {@code karaul.alerts}, and the alerts
 * per 100 items before grouping (one per relevant item of at least medium severity) and after. The services start
 * at the end of their input topics, so only this run's items count.
 */
public final class LoadGenerator {
    private static final Duration DEADLINE = Duration.ofMinutes(3);

    /** The figures of one run. */
    public record Report(int items, int relevant, int perItemAlerts, int developments, int alerts, long p50Ms, long p99Ms,
                         int latencySamples) {
        double perItemAlertsPer100() {
            return perItemAlerts * 100.0 / items;
        }

        double alertsPer100() {
            return alerts * 100.0 / items;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "items %d, relevant %d, developments %d; alerts per 100 items: "
                            + "%.1f per item (before grouping), %.1f on developments (after); end-to-end latency raw -> alert: "
                            + "p50 %d ms, p99 %d ms over %d alerts", items, relevant, developments, perItemAlertsPer100(),
                    alertsPer100(), p50Ms, p99Ms, latencySamples);
        }
    }

    private LoadGenerator() {
    }

    public static Report run(String servers, Path dir, Path devSet, int stories, int itemsPerSecond) throws Exception {
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", servers);
        TopicSetup.ensure(kafka, Topics.all());
        String run = "load-" + UUID.randomUUID().toString().substring(0, 8);
        List<RawItem> items = StoryMix.build(devSet, stories, 42, Instant.now().minus(Duration.ofDays(1)));
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        Offsets.skipToEnd(kafka, run + "-processor", List.of(Topics.ITEMS_RAW.name()));
        Offsets.skipToEnd(kafka, run + "-alerts", List.of(Topics.ITEMS_CLASSIFIED.name()));
        Map<SourceOffset, Long> sentAt = new HashMap<>();
        try (ProcessorApp processor = ProcessorApp.start(ProcessorConfig.from(Settings.of(ProcessorConfig.DEFAULTS, Map.of(
                     "kafka.bootstrap.servers", servers, "processor.application.id", run + "-processor",
                     "processor.state.dir", dir.resolve("processor").toString(), "processor.ops.port", "-1"))), metrics, null);
             AlertsApp alerts = AlertsApp.start(AlertsConfig.from(Settings.of(AlertsConfig.DEFAULTS, Map.of(
                     "kafka.bootstrap.servers", servers, "alerts.application.id", run + "-alerts",
                     "alerts.dispatch.group.id", run + "-dispatch", "alerts.state.dir", dir.resolve("alerts").toString(),
                     "alerts.ops.port", "-1", "alerts.http.port", "-1", "alerts.webhooks.enabled", "false"))), metrics, null,
                     List.of());
             KafkaConsumer<String, AlertEvent> alertReader = reader(servers, Topics.ALERTS.valueSerde().deserializer(), Topics.ALERTS.name());
             KafkaProducer<String, RawItem> producer = new KafkaProducer<>(kafka, Topics.ITEMS_RAW.keySerde().serializer(),
                     Topics.ITEMS_RAW.valueSerde().serializer())) {
            await(() -> processor.running() && alerts.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING,
                    "the services to run");
            List<Long> latencies = new ArrayList<>();
            Set<String> alertIds = new HashSet<>();
            long gapNanos = 1_000_000_000L / itemsPerSecond;
            long next = System.nanoTime();
            for (RawItem item : items) {
                while (System.nanoTime() < next) {
                    collect(alertReader, sentAt, latencies, alertIds, Duration.ofMillis(1));
                }
                next += gapNanos;
                long t = System.currentTimeMillis();
                RecordMetadata m = producer.send(new ProducerRecord<>(Topics.ITEMS_RAW.name(), item.id(), item)).get();
                sentAt.put(new SourceOffset(m.topic(), m.partition(), m.offset()), t);
            }
            Set<String> ours = new HashSet<>(items.stream().map(RawItem::id).toList());
            List<ClassifiedItem> classified = readAll(servers, Topics.ITEMS_CLASSIFIED.valueSerde().deserializer(),
                    Topics.ITEMS_CLASSIFIED.name(), c -> ours.contains(c.item().id()), items.size());
            List<ClassifiedItem> relevant = classified.stream().filter(ClassifiedItem::relevant).toList();
            int developmentIds = (int) readAll(servers, Topics.DEVELOPMENTS.valueSerde().deserializer(), Topics.DEVELOPMENTS.name(),
                    d -> d.status() != DevelopmentStatus.CLOSED && d.origins().stream().anyMatch(sentAt::containsKey),
                    relevant.size()).stream().map(Development::id).distinct().count();
            await(() -> caughtUp(kafka, run + "-alerts", Topics.ITEMS_CLASSIFIED.name()), "the alerts stage to catch up");
            int before;
            do {
                before = alertIds.size();
                collect(alertReader, sentAt, latencies, alertIds, Duration.ofSeconds(1));
            } while (alertIds.size() > before);
            int perItem = (int) relevant.stream().filter(c -> c.severity() != null && c.severity().atLeast(Severity.MEDIUM)).count();
            return report(items.size(), relevant.size(), perItem, developmentIds, alertIds.size(), latencies);
        }
    }

    private static Report report(int items, int relevant, int perItem, int developments, int alerts, List<Long> latencies) {
        List<Long> sorted = latencies.stream().sorted().toList();
        long p50 = sorted.isEmpty() ? -1 : sorted.get((int) Math.floor(0.50 * (sorted.size() - 1)));
        long p99 = sorted.isEmpty() ? -1 : sorted.get((int) Math.ceil(0.99 * (sorted.size() - 1)));
        return new Report(items, relevant, perItem, developments, alerts, p50, p99, sorted.size());
    }

    /** Reads new alerts of this run; each one's latency is measured from the write of the newest item in its lineage. */
    private static void collect(KafkaConsumer<String, AlertEvent> reader, Map<SourceOffset, Long> sentAt, List<Long> latencies,
                                Set<String> ids, Duration wait) {
        for (ConsumerRecord<String, AlertEvent> r : reader.poll(wait)) {
            long now = System.currentTimeMillis();
            if (r.value() == null || r.value().data().lineage().origins().stream().noneMatch(sentAt::containsKey)
                    || !ids.add(r.value().id())) {
                continue;
            }
            r.value().data().lineage().origins().stream().map(sentAt::get).filter(t -> t != null)
                    .max(Long::compare).ifPresent(t -> latencies.add(now - t));
        }
    }

    private static <V> KafkaConsumer<String, V> reader(String servers, org.apache.kafka.common.serialization.Deserializer<V> values,
                                                        String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", servers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, V> c = new KafkaConsumer<>(p, Topics.ALERTS.keySerde().deserializer(), values);
        List<TopicPartition> partitions = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
        c.assign(partitions);
        c.seekToEnd(partitions);
        partitions.forEach(c::position);
        return c;
    }

    /** Reads the topic from the beginning until {@code count} records pass the filter (this run's records). */
    private static <V> List<V> readAll(String servers, org.apache.kafka.common.serialization.Deserializer<V> values, String topic,
                                       java.util.function.Predicate<V> filter, int count) throws InterruptedException {
        List<V> out = new ArrayList<>();
        try (KafkaConsumer<String, V> c = reader(servers, values, topic)) {
            c.seekToBeginning(c.assignment());
            await(() -> {
                c.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.value() != null && filter.test(r.value())) {
                        out.add(r.value());
                    }
                });
                return out.size() >= count;
            }, count + " records on " + topic);
        }
        return out;
    }

    private static boolean caughtUp(Properties kafka, String group, String topic) {
        try (Admin admin = Admin.create(kafka)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            return ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0 || (committed.get(e.getKey()) != null
                    && committed.get(e.getKey()).offset() >= e.getValue().offset() - 1));
        } catch (Exception e) {
            return false;
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("timed out after " + DEADLINE + " waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
