package org.karaul.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.karaul.alerts.stream.FormerOffsets;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Development;
import org.karaul.contract.Severity;
import org.karaul.contract.TimelineEntry;
import org.karaul.contract.kafka.Topics;
import org.karaul.kafka.embedded.KafkaBrokerExtension;
import org.karaul.ops.TopicSetup;
import org.karaul.streams.ClientProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upgrade from two applications on a real broker: the alerts stream takes the processor's former developments
 * group's positions on {@code karaul.items.classified} when it has none, and only then.
 */
@ExtendWith(KafkaBrokerExtension.class)
class FormerOffsetsIT {
    static final Duration DEADLINE = Duration.ofSeconds(45);
    static final String TOPIC = Topics.ITEMS_CLASSIFIED.name();
    static final int PARTITIONS = 3;

    Properties kafka;
    String run;
    String group;
    String former;
    /** Items the former developments application grouped, one per partition. */
    List<ClassifiedItem> older;
    /** Items written after it stopped, one per partition; no two of all six share a category family or country. */
    List<ClassifiedItem> newer;

    @BeforeEach
    void broker() {
        kafka = new Properties();
        kafka.put("bootstrap.servers", KafkaBrokerExtension.bootstrapServers());
        TopicSetup.ensure(kafka, Topics.all());
        run = UUID.randomUUID().toString().substring(0, 8);
        group = "it-alerts-" + run;
        former = "it-processor-" + run + "-developments";
        older = List.of(item("Border guards exchange fire near Batken", "border.interstate_clash", "KG"),
                item("Customs seize heroin at the Serhetabat crossing", "trafficking.drugs", "TM"),
                item("Hackers deface the ministry's web site in Dushanbe", "cyber.attack", "TJ"));
        newer = List.of(item("Gunmen attack a police post outside Aktobe", "terrorism.attack", "KZ"),
                item("Thousands protest in Nukus over the constitution", "unrest.mass_protest", "UZ"),
                item("Recruiters for a banned movement detained in Kunduz", "extremism.recruitment", "AF"));
    }

    @Test
    void shouldGoOnWhereTheFormerGroupStoppedAndGroupOnlyNewerItems(@TempDir Path dir) throws Exception {
        Map<TopicPartition, Long> developmentsFrom = ends(Topics.DEVELOPMENTS.name());
        try (KafkaProducer<String, ClassifiedItem> producer = producer()) {
            sendOnePerPartition(producer, older);
            Offsets.skipToEnd(kafka, former, List.of(TOPIC)); // where the former developments application stopped
            Map<TopicPartition, Long> formerOffsets = offsets(former);
            assertThat(formerOffsets).hasSize(PARTITIONS);

            try (Pipeline pipeline = new Pipeline(KafkaBrokerExtension.bootstrapServers(), dir, former)) {
                assertThat(offsets(pipeline.group)).as("the stream's group after start-up").isEqualTo(formerOffsets);
                sendOnePerPartition(producer, newer);

                Set<String> titles = timelineTitles(developmentsFrom, titles(newer));
                assertThat(titles).containsAll(titles(newer)).doesNotContainAnyElementsOf(titles(older));
            }
        }
    }

    @Test
    void shouldCopyNothingOnAFreshInstallOrWhenTurnedOff() throws Exception {
        assertThat(FormerOffsets.adopt(kafka, group, "it-never-" + run)).as("neither group has positions").isEmpty();
        assertThat(positions(group)).isEmpty();

        Offsets.skipToEnd(kafka, former, List.of(TOPIC));
        assertThat(FormerOffsets.adopt(kafka, group, null)).as("alerts.developments.former.group empty").isEmpty();
        assertThat(positions(group)).isEmpty();
    }

    @Test
    void shouldLeaveTheStreamsOwnPositionsAlone() throws Exception {
        try (KafkaProducer<String, ClassifiedItem> producer = producer()) {
            sendOnePerPartition(producer, older);
        }
        Offsets.skipToEnd(kafka, group, List.of(TOPIC));
        Map<TopicPartition, OffsetAndMetadata> own = positions(group);
        Map<TopicPartition, OffsetAndMetadata> earlier = new HashMap<>();
        own.forEach((tp, o) -> earlier.put(tp, new OffsetAndMetadata(o.offset() - 1)));
        try (Admin admin = Admin.create(kafka)) {
            admin.alterConsumerGroupOffsets(former, earlier).all().get();
        }

        assertThat(FormerOffsets.adopt(kafka, group, former)).isEmpty();
        assertThat(positions(group)).isEqualTo(own).isNotEqualTo(positions(former));
    }

    @Test
    void shouldCopyTheFormerPositionsWhereverTheyStand() throws Exception {
        try (KafkaProducer<String, ClassifiedItem> producer = producer()) {
            sendOnePerPartition(producer, newer);
        }
        Map<TopicPartition, OffsetAndMetadata> before = new HashMap<>();
        ends(TOPIC).forEach((tp, end) -> before.put(tp, new OffsetAndMetadata(end - 1, "stream time " + tp.partition())));
        try (Admin admin = Admin.create(kafka)) {
            admin.alterConsumerGroupOffsets(former, before).all().get();
        }

        assertThat(FormerOffsets.adopt(kafka, group, former)).isEqualTo(before);
        assertThat(positions(group)).as("not the topic's end: the items after them are still to group").isEqualTo(before);
    }

    @Test
    void shouldStopNamingBothGroupsWhileAnInstanceOfThePreviousVersionRunsUnderTheGroup() throws Exception {
        Offsets.skipToEnd(kafka, former, List.of(TOPIC));
        try (KafkaConsumer<String, String> previous = new KafkaConsumer<>(ClientProperties.from(kafka).group(group).build(),
                new StringDeserializer(), new StringDeserializer())) {
            previous.subscribe(List.of(Topics.DEVELOPMENTS.name())); // what the alerts stream read before the upgrade
            Instant deadline = Instant.now().plus(DEADLINE);
            while (previous.assignment().isEmpty()) {
                assertThat(Instant.now()).as("the previous version joined %s by the deadline", group).isBefore(deadline);
                previous.poll(Duration.ofMillis(100));
            }

            assertThatThrownBy(() -> FormerOffsets.adopt(kafka, group, former)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(group).hasMessageContaining(former).hasMessageContaining(TOPIC)
                    .hasMessageContaining("alerts.developments.former.group");
            assertThat(positions(group)).isEmpty();
        }
    }

    private ClassifiedItem item(String title, String category, String country) {
        return Stories.item("wire-" + run, "B", "en", title + " (" + run + ")", title + ". Officials confirmed the reports.",
                Instant.now().minusSeconds(120), category, Severity.HIGH, country);
    }

    private static List<String> titles(List<ClassifiedItem> items) {
        return items.stream().map(c -> c.item().title()).toList();
    }

    private KafkaProducer<String, ClassifiedItem> producer() {
        return new KafkaProducer<>(kafka, Topics.ITEMS_CLASSIFIED.keySerde().serializer(),
                Topics.ITEMS_CLASSIFIED.valueSerde().serializer());
    }

    /** Item i to partition i, so every partition has one item past the position under test. */
    private static void sendOnePerPartition(KafkaProducer<String, ClassifiedItem> producer, List<ClassifiedItem> items)
            throws Exception {
        for (int p = 0; p < items.size(); p++) {
            producer.send(new ProducerRecord<>(TOPIC, p, items.get(p).item().id(), items.get(p))).get();
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> positions(String groupId) throws Exception {
        try (Admin admin = Admin.create(kafka)) {
            Map<TopicPartition, OffsetAndMetadata> all = new HashMap<>(admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get());
            all.keySet().removeIf(tp -> !tp.topic().equals(TOPIC));
            return all;
        }
    }

    private Map<TopicPartition, Long> offsets(String groupId) throws Exception {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        positions(groupId).forEach((tp, o) -> offsets.put(tp, o.offset()));
        return offsets;
    }

    private Map<TopicPartition, Long> ends(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(ClientProperties.from(kafka).noGroup()
                .readCommitted().build(), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }

    /**
     * The titles in the timelines of the developments written from {@code from} on, read until every one of
     * {@code expected} was seen. Every partition of the input got a newer item after any older one, and the grouping
     * reads one repartition topic in order, so an older item grouped by mistake is written before the newer ones.
     */
    private Set<String> timelineTitles(Map<TopicPartition, Long> from, List<String> expected) {
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, Development> consumer = new KafkaConsumer<>(ClientProperties.from(kafka).noGroup()
                .readCommitted().build(), new StringDeserializer(), Topics.DEVELOPMENTS.valueSerde().deserializer())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Instant deadline = Instant.now().plus(DEADLINE);
            while (!seen.containsAll(expected)) {
                assertThat(Instant.now()).as("developments of %s by the deadline, saw %s", expected, seen).isBefore(deadline);
                read(consumer, seen);
            }
            // and whatever was committed with or before them on the other partitions
            Map<TopicPartition, Long> end = consumer.endOffsets(from.keySet());
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                assertThat(Instant.now()).as("read to %s by the deadline", end).isBefore(deadline);
                read(consumer, seen);
            }
        }
        return seen;
    }

    private static void read(KafkaConsumer<String, Development> consumer, Set<String> titles) {
        for (ConsumerRecord<String, Development> r : consumer.poll(Duration.ofMillis(200))) {
            if (r.value() != null) {
                r.value().timeline().stream().map(TimelineEntry::title).forEach(titles::add);
            }
        }
    }
}
