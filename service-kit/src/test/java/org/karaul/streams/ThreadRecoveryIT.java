package org.karaul.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.karaul.kafka.embedded.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real broker with exactly-once: a stream thread that dies of an exception no record handler takes is replaced,
 * the record it died on is processed again from the last commit, and its output is there exactly once; the
 * replacement is what {@link StreamsHealth} counts.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ThreadRecoveryIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path state;

    @Test
    void shouldReplaceADeadThreadAndProcessTheRecordItDiedOnExactlyOnce() throws Exception {
        String kafka = KafkaBrokerExtension.bootstrapServers();
        String in = "test.thread.recovery.in." + run;
        String out = "test.thread.recovery.out." + run;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
            admin.createTopics(List.of(new NewTopic(in, 1, (short) 1), new NewTopic(out, 1, (short) 1))).all().get();
        }
        AtomicBoolean failedOnce = new AtomicBoolean();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in, Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(v -> {
                    if (v.equals("second") && failedOnce.compareAndSet(false, true)) {
                        // what a commit after a broker restart threw in the fault suite: not the record's fault
                        throw new KafkaException("the transaction is no longer known to the broker");
                    }
                    return v.toUpperCase();
                })
                .to(out, Produced.with(Serdes.String(), Serdes.String()));
        Properties p = new Properties();
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "thread-recovery-" + run);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // the dead thread's member does not leave the group (Streams keeps members on close): its partition goes to
        // the new thread when the session times out, so the broker's shortest session keeps the test short
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 2000);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (KafkaStreams streams = new KafkaStreams(builder.build(), p)) {
            ThreadRecovery recovery = ThreadRecovery.install(streams, "test", metrics);
            streams.start();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka),
                    new StringSerializer(), new StringSerializer())) {
                for (String v : List.of("first", "second", "third", "last")) {
                    producer.send(new ProducerRecord<>(in, v, v)).get();
                }
            }
            // one partition, so a duplicate of what the dead thread wrote would come before the last value
            List<String> seen = readCommittedUntil(kafka, out, "LAST");
            assertThat(seen).containsExactly("FIRST", "SECOND", "THIRD", "LAST");
            assertThat(failedOnce).isTrue();
            assertThat(metrics.get("karaul.streams.thread.deaths").tag("answer", "replace").counter().count())
                    .isEqualTo(1);
            assertThat(streams.state()).isIn(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);
            // the client looks as well as before, but health counts the thread that died
            StreamsHealth strict = new StreamsHealth(streams::state, recovery, new StreamsHealth.Limit(0, Duration.ofMinutes(10)));
            StreamsHealth lenient = new StreamsHealth(streams::state, recovery, new StreamsHealth.Limit(1, Duration.ofMinutes(10)));
            assertThat(strict.check().up()).isFalse();
            assertThat(strict.check().facts()).containsEntry("threads_replaced", 1);
            assertThat(lenient.check().up()).isTrue();
        }
    }

    /** Reads the topic with read_committed until {@code last} arrives or the deadline passes. */
    private static List<String> readCommittedUntil(String kafka, String topic, String last) {
        Map<String, Object> c = Map.of("bootstrap.servers", kafka, "group.id", "reader-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "isolation.level", "read_committed");
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (!seen.contains(last) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r.value());
                }
            }
        }
        return seen;
    }
}
