package org.karaul.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.karaul.config.Settings;
import org.karaul.contract.ItemIds;
import org.karaul.contract.RawItem;
import org.karaul.contract.kafka.Topics;
import org.karaul.kafka.embedded.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Static group membership on a real broker: a processor stopped without leaving its group (as a killed one does)
 * and started again under the same {@code processor.group.instance.id} is classifying again well within the
 * session timeout, instead of waiting for it.
 */
@ExtendWith(KafkaBrokerExtension.class)
class RecoveryIT {
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path dir;

    @Test
    void shouldClassifyAgainWithinTheSessionTimeoutAfterAStaticMemberRestarts() throws Exception {
        String kafka = KafkaBrokerExtension.bootstrapServers();
        String appId = "it-recovery-" + run;
        ProcessorConfig config = ProcessorConfig.from(Settings.of(ProcessorConfig.DEFAULTS, Map.of(
                "kafka.bootstrap.servers", kafka, "processor.application.id", appId,
                "processor.state.dir", dir.toString(),
                "processor.group.instance.id", "node-" + run,
                "kafka.session.timeout.ms", Long.toString(SESSION_TIMEOUT.toMillis()))));
        try (ProcessorApp first = ProcessorApp.start(config, new SimpleMeterRegistry(), null)) {
            await(first::running, "the first processor running");
            sendAndAwaitClassified(kafka, "before");
        }
        // a static member does not leave its group when it stops: its partitions wait for it, as after a kill
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(appId)).all().get(30, TimeUnit.SECONDS)
                    .get(appId);
            assertThat(group.members()).extracting(m -> m.groupInstanceId().orElse("dynamic"))
                    .singleElement().asString().startsWith("node-" + run);
        }

        Instant restart = Instant.now();
        try (ProcessorApp second = ProcessorApp.start(config, new SimpleMeterRegistry(), null)) {
            sendAndAwaitClassified(kafka, "after");
            Duration recovery = Duration.between(restart, Instant.now());
            System.out.printf("processor with static membership: classifying again %d ms after the restart%n",
                    recovery.toMillis());
            assertThat(recovery).isLessThan(SESSION_TIMEOUT);
        }
    }

    private void sendAndAwaitClassified(String kafka, String name) throws Exception {
        String url = "https://example.org/" + run + "/" + name;
        RawItem item = new RawItem(ItemIds.forUrl(url), url, "Heroin seized at the Tajik border", "Police seized heroin.",
                null, "it", "rss", "B", "en", Instant.now(), 1);
        try (KafkaProducer<String, RawItem> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka),
                new StringSerializer(), Topics.ITEMS_RAW.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.ITEMS_RAW.name(), item.id(), item)).get(30, TimeUnit.SECONDS);
        }
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-recovery-reader-" + run + "-" + name);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(Set.of(Topics.ITEMS_CLASSIFIED.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(100))) {
                    if (r.key() != null && new String(r.key(), StandardCharsets.UTF_8).equals(item.id())) {
                        return;
                    }
                }
            }
        }
        throw new AssertionError("item " + name + " not classified within 60 s");
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within 60 s");
            }
            LockSupport.parkNanos(20_000_000L);
        }
    }
}
