package org.karaul.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karaul.contract.kafka.Topics;
import org.karaul.deadletter.DeadLetters;
import org.karaul.processor.classify.Classification;
import org.karaul.processor.classify.Classifier;
import org.karaul.processor.classify.Document;

/**
 * The classify application keeps its Kafka Streams process id in its state directory, so a restarted processor
 * has the same transactional ids as the one before it and aborts a transaction a killed predecessor left open at
 * once (instead of after the transaction timeout). No broker is needed: the id is settled when Streams is built.
 */
class ProcessIdTest {
    private static final String METADATA = "kafka-streams-process-metadata";

    @TempDir
    Path state;

    @Test
    void shouldKeepTheSameProcessIdAcrossRestartsOnTheSameStateDirectory() throws Exception {
        Path file = state.resolve("process-id-test").resolve(METADATA);
        create().close(Duration.ofSeconds(10));
        assertThat(file).as("process metadata kept in the state directory").exists();
        String first = Files.readString(file);
        create().close(Duration.ofSeconds(10));
        assertThat(Files.readString(file)).isEqualTo(first);
    }

    private KafkaStreams create() {
        Classifier none = new Classifier() {
            @Override
            public Classification classify(Document d) {
                return Classification.irrelevant("t1");
            }

            @Override
            public String taxonomyVersion() {
                return "t1";
            }
        };
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "process-id-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return new KafkaStreams(ProcessorTopology.build(none, new SimpleMeterRegistry(), Clock.systemUTC(),
                new DeadLetters(Topics.ITEMS_RAW_DLQ.name(), "processor", 512 * 1024), 512 * 1024), p);
    }
}
