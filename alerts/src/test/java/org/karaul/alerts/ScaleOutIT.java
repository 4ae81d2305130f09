package org.karaul.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.karaul.alerts.develop.GroupingRules;
import org.karaul.alerts.rules.AlertRules;
import org.karaul.alerts.stream.AlertsTopology;
import org.karaul.config.Settings;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Development;
import org.karaul.contract.Evidence;
import org.karaul.contract.ItemIds;
import org.karaul.contract.RawItem;
import org.karaul.contract.Severity;
import org.karaul.contract.SourceOffset;
import org.karaul.contract.TimelineEntry;
import org.karaul.contract.kafka.GroupingKey;
import org.karaul.contract.kafka.Topics;
import org.karaul.kafka.embedded.KafkaBrokerExtension;
import org.karaul.ops.TopicSetup;
import org.karaul.streams.ClientProperties;

/**
 * Two instances of the alerts stream under one application id share the grouping's tasks (one per partition of
 * {@code karaul.items.classified}) and make the same developments and alerts as one instance, on a real broker: the
 * same classified items, written to their grouping key's partitions as the processor writes them, are written once
 * for one instance and once more for two (a fresh application id each time, started at the topic's end, fed when
 * every instance runs a grouping task).
 */
@ExtendWith(KafkaBrokerExtension.class)
class ScaleOutIT {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String TOPIC = Topics.ITEMS_CLASSIFIED.name();
    private static final List<String> SOURCES = List.of("wire-a", "daily-b", "radio-c");

    /**
     * What one run made: the last state of each development, the alert types raised per development id, and per
     * instance the developments it published.
     */
    private record Outcome(Map<String, Development> developments, Map<String, List<String>> alerts, List<Double> published) {
    }

    @Test
    void shouldMakeTheSameDevelopmentsAndAlertsWithTwoInstancesAsWithOne(@TempDir Path dir) throws Exception {
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", KafkaBrokerExtension.bootstrapServers());
        TopicSetup.ensure(kafka, Topics.all());
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, "defaults: {minSeverity: medium, corroboration: {high: 2, critical: 2}, trustedGrades: [A],"
                + " cooldown: 0s, realertOnEscalation: true}\n");
        List<ClassifiedItem> items = stories(run);

        Outcome one = run(kafka, dir.resolve("one"), rules, "it-scale-one-" + run, 1, items);
        Outcome two = run(kafka, dir.resolve("two"), rules, "it-scale-two-" + run, 2, items);

        assertThat(two.published()).as("developments published by each of the two instances").allMatch(n -> n > 0);
        assertThat(one.developments()).as("developments").hasSizeGreaterThanOrEqualTo(6);
        assertThat(summary(two.developments())).isEqualTo(summary(one.developments()));
        assertThat(one.alerts()).as("alerts").isNotEmpty();
        assertThat(two.alerts()).isEqualTo(one.alerts());
    }

    /**
     * Starts {@code instances} instances of the stream under {@code applicationId} at the end of the classified
     * topic, writes {@code items} once every instance runs a grouping task, and reads until every item is in a
     * development; asserts the instances together owned every grouping task; returns what they wrote.
     */
    private static Outcome run(Properties kafka, Path dir, Path rules, String applicationId, int instances,
                               List<ClassifiedItem> items) throws Exception {
        Map<TopicPartition, Long> developmentsFrom = ends(kafka, Topics.DEVELOPMENTS.name());
        Map<TopicPartition, Long> alertsFrom = ends(kafka, Topics.ALERTS.name());
        Offsets.skipToEnd(kafka, applicationId, List.of(TOPIC));
        List<KafkaStreams> all = new ArrayList<>();
        List<SimpleMeterRegistry> registries = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                SimpleMeterRegistry metrics = new SimpleMeterRegistry();
                KafkaStreams s = new KafkaStreams(topology(metrics), AlertsApp.streamsProperties(config(kafka,
                        dir.resolve("i" + i), rules, applicationId)));
                all.add(s);
                registries.add(metrics);
                s.start();
            }
            int grouping = groupingSubtopology();
            AlertsPipelineIT.await("every instance of " + applicationId + " running with a grouping task",
                    () -> all.stream().allMatch(s -> s.state() == KafkaStreams.State.RUNNING
                            && !groupingTasks(s, grouping).isEmpty()));
            assertThat(write(kafka, items)).as("the stories' grouping keys spread over every partition").hasSize(3);
            Set<String> urls = items.stream().map(c -> c.item().url()).collect(Collectors.toSet());
            Map<String, Development> developments = read(kafka, Topics.DEVELOPMENTS.name(),
                    Topics.DEVELOPMENTS.valueSerde().deserializer(), developmentsFrom, Development::id,
                    latest -> urls(latest.values()).containsAll(urls));
            Map<String, List<String>> alerts = new TreeMap<>();
            read(kafka, Topics.ALERTS.name(), Topics.ALERTS.valueSerde().deserializer(), alertsFrom,
                    e -> e.data().developmentId(), latest -> true, e -> alerts.computeIfAbsent(e.data().developmentId(),
                            k -> new ArrayList<>()).add(e.data().type()));
            alerts.keySet().retainAll(developments.keySet());
            Set<Integer> owned = new TreeSet<>();
            for (KafkaStreams s : all) {
                Set<Integer> mine = groupingTasks(s, grouping);
                assertThat(mine).as("grouping tasks of an instance of %s", applicationId).isNotEmpty();
                owned.addAll(mine);
            }
            assertThat(owned).as("grouping tasks, one per partition").containsExactly(0, 1, 2);
            List<Double> published = registries.stream().map(r -> r.find("karaul.alerts.developments").counters().stream()
                    .mapToDouble(c -> c.count()).sum()).toList();
            return new Outcome(developments, alerts, published);
        } finally {
            all.forEach(s -> s.close(Duration.ofSeconds(10)));
        }
    }

    private static Topology topology(SimpleMeterRegistry metrics) {
        return AlertsTopology.build(GroupingRules.load(null), Duration.ofMinutes(1), AlertRules.load(null), metrics,
                786_432, false);
    }

    private static int groupingSubtopology() {
        return topology(new SimpleMeterRegistry()).describe().subtopologies().stream()
                .filter(s -> s.nodes().stream().anyMatch(n -> n.name().equals("group-developments")))
                .mapToInt(TopologyDescription.Subtopology::id).findFirst().orElseThrow();
    }

    /** The partitions whose grouping task the instance runs (active, not standby). */
    private static Set<Integer> groupingTasks(KafkaStreams s, int subtopology) {
        Set<Integer> out = new TreeSet<>();
        for (ThreadMetadata t : s.metadataForLocalThreads()) {
            for (TaskMetadata task : t.activeTasks()) {
                if (task.taskId().subtopology() == subtopology) {
                    out.add(task.taskId().partition());
                }
            }
        }
        return out;
    }

    private static AlertsConfig config(Properties kafka, Path stateDir, Path rules, String applicationId) {
        return AlertsConfig.from(Settings.of(AlertsConfig.DEFAULTS, Map.ofEntries(
                Map.entry("kafka.bootstrap.servers", kafka.getProperty("bootstrap.servers")),
                Map.entry("alerts.application.id", applicationId), Map.entry("alerts.developments.former.group", ""),
                Map.entry("alerts.rules.path", rules.toString()), Map.entry("alerts.state.dir", stateDir.toString()),
                Map.entry("alerts.commit.interval", "100ms"), Map.entry("alerts.ops.port", "-1"),
                Map.entry("alerts.http.port", "-1"))));
    }

    /**
     * Eight stories in six category families and five countries, each told by three outlets (one of grade A), and two
     * items with labels of two families; a few minutes apart in event time.
     */
    private static List<ClassifiedItem> stories(String run) {
        Instant t0 = Instant.now().minusSeconds(1_800);
        String[][] stories = {
                {"border.interstate_clash", "KG", "Border guards exchange fire near Batken, two soldiers wounded"},
                {"terrorism.attack", "KZ", "Gunmen attack a police post outside Aktobe, three officers killed"},
                {"trafficking.drugs", "TJ", "Customs seize four hundred kilograms of heroin at the Panj crossing"},
                {"unrest.mass_protest", "UZ", "Thousands protest in Nukus over the new constitution's articles"},
                {"extremism.recruitment", "AF", "Recruiters for a banned movement detained in Kunduz province raids"},
                {"cyber.attack", "TJ", "Hackers deface the ministry web site in Dushanbe and leak passport data"},
                {"border.incursion", "TJ", "Armed men cross the Tajik frontier from Badakhshan and exchange fire"},
                {"terrorism.plot_disrupted", "UZ", "Security service foils a bombing plot against a Tashkent market"}};
        List<ClassifiedItem> out = new ArrayList<>();
        for (int s = 0; s < stories.length; s++) {
            for (int copy = 0; copy < SOURCES.size(); copy++) {
                out.add(item(run, SOURCES.get(copy), copy == 0 ? "A" : "B", stories[s][2], t0.plusSeconds(60L * s + copy * 20L),
                        List.of(stories[s][0]), stories[s][1]));
            }
        }
        out.add(item(run, "radio-c", "B", stories[1][2] + " as crowds gather", t0.plusSeconds(100),
                List.of("unrest.mass_protest", "terrorism.attack"), "KZ"));
        out.add(item(run, "daily-b", "B", stories[3][2] + " and police fire", t0.plusSeconds(230),
                List.of("terrorism.attack", "unrest.mass_protest"), "UZ"));
        return out;
    }

    private static ClassifiedItem item(String run, String source, String grade, String title, Instant published,
                                       List<String> categories, String country) {
        String url = "https://" + source + ".example/" + run + "/" + Integer.toHexString(title.hashCode()) + "/"
                + published.getEpochSecond();
        RawItem raw = new RawItem(ItemIds.forUrl(url), url, title, title + ". Officials confirmed the reports on " + country
                + ".", published, source, "rss", grade, "en", published.plusSeconds(20), 1);
        String term = title.split(" ")[0];
        List<CategoryLabel> labels = categories.stream().map(c -> new CategoryLabel(c, Severity.HIGH, 0.9,
                List.of(new Evidence("title", 0, term.length(), term)))).toList();
        return new ClassifiedItem(raw, true, Severity.HIGH, labels, List.of(country), List.of(), "t1",
                new SourceOffset(Topics.ITEMS_RAW.name(), 0, 1L), published.plusSeconds(30));
    }

    /** Writes each item to its grouping key's partition, as the processor does; returns the partitions written. */
    private static Set<Integer> write(Properties kafka, List<ClassifiedItem> items) throws Exception {
        Set<Integer> partitions = new TreeSet<>();
        try (KafkaProducer<String, ClassifiedItem> producer = new KafkaProducer<>(kafka,
                Topics.ITEMS_CLASSIFIED.keySerde().serializer(), Topics.ITEMS_CLASSIFIED.valueSerde().serializer())) {
            for (ClassifiedItem c : items) {
                int p = GroupingKey.partition(c, Topics.ITEMS_CLASSIFIED.partitions());
                partitions.add(p);
                producer.send(new ProducerRecord<>(TOPIC, p, c.item().id(), c)).get();
            }
        }
        return partitions;
    }

    /** Per development id: categories, countries and item URLs, in a stable order. */
    private static Map<String, String> summary(Map<String, Development> developments) {
        Map<String, String> out = new TreeMap<>();
        developments.forEach((id, d) -> out.put(id, new TreeSet<>(d.categories()) + " " + new TreeSet<>(d.countries()) + " "
                + new TreeSet<>(urls(List.of(d)))));
        return out;
    }

    private static Set<String> urls(java.util.Collection<Development> developments) {
        return developments.stream().flatMap(d -> d.timeline().stream()).map(TimelineEntry::url).collect(Collectors.toSet());
    }

    private static <V> Map<String, V> read(Properties kafka, String topic, Deserializer<V> values,
                                           Map<TopicPartition, Long> from, java.util.function.Function<V, String> id,
                                           java.util.function.Predicate<Map<String, V>> done) {
        return read(kafka, topic, values, from, id, done, v -> { });
    }

    /**
     * The latest value per id written to {@code topic} from {@code from} on, read (committed only) until {@code done}
     * holds and the reader is at the topic's end; each value is also handed to {@code each}.
     */
    private static <V> Map<String, V> read(Properties kafka, String topic, Deserializer<V> values,
                                           Map<TopicPartition, Long> from, java.util.function.Function<V, String> id,
                                           java.util.function.Predicate<Map<String, V>> done,
                                           java.util.function.Consumer<V> each) {
        Map<String, V> latest = new HashMap<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(ClientProperties.from(kafka).noGroup().readCommitted()
                .build(), new StringDeserializer(), values)) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Instant deadline = Instant.now().plus(DEADLINE);
            while (true) {
                Map<TopicPartition, Long> end = consumer.endOffsets(from.keySet());
                boolean atEnd = end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
                if (atEnd && done.test(latest)) {
                    return latest;
                }
                assertThat(Instant.now()).as("%s read to its end, with every item grouped, by the deadline", topic)
                        .isBefore(deadline);
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null) {
                        latest.put(id.apply(r.value()), r.value());
                        each.accept(r.value());
                    }
                }
            }
        }
    }

    private static Map<TopicPartition, Long> ends(Properties kafka, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(ClientProperties.from(kafka).noGroup()
                .readCommitted().build(), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }
}
