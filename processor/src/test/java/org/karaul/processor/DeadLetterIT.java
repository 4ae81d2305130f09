package org.karaul.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.karaul.config.Settings;
import org.karaul.contract.ItemIds;
import org.karaul.contract.RawItem;
import org.karaul.contract.kafka.DeadLetterHeaders;
import org.karaul.contract.kafka.Topics;
import org.karaul.deadletter.DeadLetters;
import org.karaul.kafka.embedded.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real broker, with exactly-once on: poison records (not JSON, the JSON literal {@code null}, a 5 MB value on a
 * raw topic whose size limit was raised) land on the dead-letter topic, the large one as an excerpt with its hash
 * and size, and the next good one flows.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DeadLetterIT {
    private static final int LARGE_BYTES = 8 * 1024 * 1024;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path dir;

    @Test
    void shouldDeadLetterEachPoisonRecordAndClassifyTheNextOne() throws Exception {
        String kafka = KafkaBrokerExtension.bootstrapServers();
        try (ProcessorApp app = ProcessorApp.start(ProcessorConfig.from(Settings.of(ProcessorConfig.DEFAULTS, Map.of(
                "kafka.bootstrap.servers", kafka, "processor.application.id", "it-dlq-" + run,
                "processor.state.dir", dir.toString()))), new SimpleMeterRegistry(), null)) {
            allowLargeValues(kafka);
            String url = "https://example.org/" + run;
            RawItem good = new RawItem(ItemIds.forUrl(url), url, "Heroin seized at the Tajik border", "Police seized heroin.",
                    null, "it", "rss", "B", "en", Instant.now(), 1);
            byte[] huge = new byte[5 * 1024 * 1024];
            Arrays.fill(huge, (byte) '{');
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka,
                    "max.request.size", Integer.toString(LARGE_BYTES)), new ByteArraySerializer(), new ByteArraySerializer())) {
                send(producer, key("not-json"), "<html>not json".getBytes(StandardCharsets.UTF_8));
                send(producer, key("null"), "null".getBytes(StandardCharsets.UTF_8));
                send(producer, key("huge"), huge);
                send(producer, good.id().getBytes(StandardCharsets.UTF_8), Topics.ITEMS_RAW.valueSerde().serializer()
                        .serialize("t", good));
            }

            ConsumerRecord<byte[], byte[]> dead = awaitDeadLetter(kafka, "not-json");
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("<html>not json");
            assertThat(header(dead, DeadLetterHeaders.ERROR)).contains("cannot read RawItem");
            assertThat(header(dead, DeadLetterHeaders.TOPIC)).isEqualTo(Topics.ITEMS_RAW.name());
            assertThat(header(dead, DeadLetterHeaders.PARTITION)).isEqualTo("0");
            long offset = Long.parseLong(header(dead, DeadLetterHeaders.OFFSET));
            assertThat(offset).isNotNegative();

            ConsumerRecord<byte[], byte[]> nullLiteral = awaitDeadLetter(kafka, "null");
            assertThat(new String(nullLiteral.value(), StandardCharsets.UTF_8)).isEqualTo("null");
            assertThat(header(nullLiteral, DeadLetterHeaders.ERROR)).contains("JSON literal null");
            assertThat(header(nullLiteral, DeadLetterHeaders.OFFSET)).isEqualTo(Long.toString(offset + 1));

            ConsumerRecord<byte[], byte[]> excerpt = awaitDeadLetter(kafka, "huge");
            assertThat(excerpt.value()).hasSize(DeadLetters.EXCERPT_BYTES);
            assertThat(header(excerpt, DeadLetterHeaders.ERROR)).contains("over the limit");
            assertThat(header(excerpt, DeadLetterHeaders.SIZE)).isEqualTo(Integer.toString(huge.length));
            assertThat(header(excerpt, DeadLetterHeaders.SHA256)).isEqualTo(sha256(huge));
            assertThat(header(excerpt, DeadLetterHeaders.OFFSET)).isEqualTo(Long.toString(offset + 2));

            ConsumerRecord<byte[], byte[]> next = await(kafka, Topics.ITEMS_CLASSIFIED.name(),
                    r -> new String(r.key(), StandardCharsets.UTF_8).equals(good.id()));
            assertThat(Topics.ITEMS_CLASSIFIED.valueSerde().deserializer().deserialize("t", next.value()).item()).isEqualTo(good);
            assertThat(app.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
    }

    /** As an operator would: the raw topic takes values of up to 8 MiB, so the processor meets a 5 MB one. */
    private static void allowLargeValues(String kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ITEMS_RAW.name());
            admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                    new ConfigEntry("max.message.bytes", Integer.toString(LARGE_BYTES)), AlterConfigOp.OpType.SET))))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, byte[] key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ITEMS_RAW.name(), 0, key, value)).get(30, TimeUnit.SECONDS);
    }

    private byte[] key(String poison) {
        return ("poison-" + poison + "-" + run).getBytes(StandardCharsets.UTF_8);
    }

    private ConsumerRecord<byte[], byte[]> awaitDeadLetter(String kafka, String poison) {
        String wanted = "poison-" + poison + "-" + run;
        return await(kafka, Topics.ITEMS_RAW_DLQ.name(), r -> r.key() != null
                && new String(r.key(), StandardCharsets.UTF_8).equals(wanted));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
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
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"); // each wait reads the topic from its start
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
