package org.karaul.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.karaul.config.Settings;
import org.karaul.contract.ItemIds;
import org.karaul.contract.RawItem;
import org.karaul.contract.kafka.DeadLetterHeaders;
import org.karaul.contract.kafka.Topics;
import org.karaul.kafka.embedded.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** On a real broker, with exactly-once on: a poison record lands on the dead-letter topic and the next good one flows. */
@ExtendWith(KafkaBrokerExtension.class)
class DeadLetterIT {
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path dir;

    @Test
    void shouldDeadLetterThePoisonRecordAndClassifyTheNextOne() throws Exception {
        String kafka = KafkaBrokerExtension.bootstrapServers();
        try (ProcessorApp app = ProcessorApp.start(ProcessorConfig.from(Settings.of(ProcessorConfig.DEFAULTS, Map.of(
                "kafka.bootstrap.servers", kafka, "processor.application.id", "it-dlq-" + run,
                "processor.state.dir", dir.toString()))), new SimpleMeterRegistry(), null)) {
            String url = "https://example.org/" + run;
            RawItem good = new RawItem(ItemIds.forUrl(url), url, "Heroin seized at the Tajik border", "Police seized heroin.",
                    null, "it", "rss", "B", "en", Instant.now(), 1);
            byte[] poisonKey = ("poison-" + run).getBytes(StandardCharsets.UTF_8);
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(Topics.ITEMS_RAW.name(), 0, poisonKey, "<html>not json".getBytes(StandardCharsets.UTF_8))).get();
                producer.send(new ProducerRecord<>(Topics.ITEMS_RAW.name(), 0, good.id().getBytes(StandardCharsets.UTF_8),
                        Topics.ITEMS_RAW.valueSerde().serializer().serialize("t", good))).get();
            }

            ConsumerRecord<byte[], byte[]> dead = await(kafka, Topics.ITEMS_RAW_DLQ.name(),
                    r -> new String(r.key(), StandardCharsets.UTF_8).equals("poison-" + run));
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("<html>not json");
            assertThat(header(dead, DeadLetterHeaders.ERROR)).contains("cannot read RawItem");
            assertThat(header(dead, DeadLetterHeaders.TOPIC)).isEqualTo(Topics.ITEMS_RAW.name());
            assertThat(header(dead, DeadLetterHeaders.PARTITION)).isEqualTo("0");
            assertThat(Long.parseLong(header(dead, DeadLetterHeaders.OFFSET))).isNotNegative();

            ConsumerRecord<byte[], byte[]> next = await(kafka, Topics.ITEMS_CLASSIFIED.name(),
                    r -> new String(r.key(), StandardCharsets.UTF_8).equals(good.id()));
            assertThat(Topics.ITEMS_CLASSIFIED.valueSerde().deserializer().deserialize("t", next.value()).item()).isEqualTo(good);
        }
    }

    private static String header(ConsumerRecord<?, ?> r, String key) {
        return new String(r.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }

    private ConsumerRecord<byte[], byte[]> await(String kafka, String topic, Predicate<ConsumerRecord<byte[], byte[]>> wanted) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + run + "-" + topic);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(250))) {
                    seen.add(r.key() == null ? "null" : new String(r.key(), StandardCharsets.UTF_8));
                    if (wanted.test(r)) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("nothing matching on " + topic + " within 60 s; keys seen: " + seen);
    }
}
