package org.karaul.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Evidence;
import org.karaul.contract.ItemIds;
import org.karaul.contract.RawItem;
import org.karaul.contract.Severity;
import org.karaul.contract.kafka.DeadLetterHeaders;
import org.karaul.contract.kafka.Topics;
import org.karaul.processor.classify.Classification;
import org.karaul.processor.classify.Classifier;
import org.karaul.processor.classify.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProcessorTopologyTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    /** Labels anything whose title mentions "attack"; fails on titles containing "explode". */
    private final Classifier classifier = new Classifier() {
        @Override
        public Classification classify(Document d) {
            if (d.title().contains("explode")) {
                throw new IllegalStateException("classifier blew up");
            }
            int at = d.title().indexOf("attack");
            if (at < 0) {
                return Classification.irrelevant("t1");
            }
            return new Classification(true, Severity.CRITICAL, List.of(new CategoryLabel("terrorism.attack",
                    Severity.CRITICAL, 0.9, List.of(new Evidence("title", at, at + 6, "attack")))), List.of("TJ"), List.of(), "t1");
        }

        @Override
        public String taxonomyVersion() {
            return "t1";
        }
    };

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> raw;
    private TestOutputTopic<String, ClassifiedItem> classified;
    private TestOutputTopic<byte[], byte[]> dlq;

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "processor-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(ProcessorTopology.build(classifier, new SimpleMeterRegistry(),
                Clock.fixed(NOW, ZoneOffset.UTC)), props);
        raw = driver.createInputTopic(Topics.ITEMS_RAW.name(), Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
        classified = driver.createOutputTopic(Topics.ITEMS_CLASSIFIED.name(), Serdes.String().deserializer(),
                Topics.ITEMS_CLASSIFIED.valueSerde().deserializer());
        dlq = driver.createOutputTopic(Topics.ITEMS_RAW_DLQ.name(), Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private void send(RawItem item) {
        raw.pipeInput(item.id().getBytes(StandardCharsets.UTF_8),
                Topics.ITEMS_RAW.valueSerde().serializer().serialize("t", item));
    }

    private static RawItem item(String url, String title) {
        return new RawItem(ItemIds.forUrl(url), url, title, "text", null, "src", "rss", "B", "en", NOW, 1);
    }

    @Test
    void shouldClassifyEachItemKeepingKeyEvidenceTaxonomyVersionAndOrigin() {
        RawItem attack = item("https://a.example/1", "Gunmen attack border post");
        send(attack);
        send(item("https://a.example/2", "Cotton harvest up"));

        List<org.apache.kafka.streams.KeyValue<String, ClassifiedItem>> out = classified.readKeyValuesToList();
        assertThat(out).hasSize(2);
        ClassifiedItem first = out.get(0).value;
        assertThat(out.get(0).key).isEqualTo(attack.id());
        assertThat(first.item()).isEqualTo(attack);
        assertThat(first.relevant()).isTrue();
        assertThat(first.categories().get(0).evidence().get(0).term()).isEqualTo("attack");
        assertThat(first.taxonomyVersion()).isEqualTo("t1");
        assertThat(first.origin().topic()).isEqualTo(Topics.ITEMS_RAW.name());
        assertThat(first.origin().offset()).isEqualTo(0);
        assertThat(first.classifiedAt()).isEqualTo(NOW);
        assertThat(out.get(1).value.relevant()).isFalse();
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterAPoisonRecordWithReasonAndOffsetAndCarryOn() {
        byte[] poison = "{\"id\": 42, oops".getBytes(StandardCharsets.UTF_8);
        raw.pipeInput("bad".getBytes(StandardCharsets.UTF_8), poison);
        send(item("https://a.example/3", "Suicide attack in Kabul"));

        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("bad");
        Headers h = dead.headers();
        assertThat(header(h, DeadLetterHeaders.ERROR)).contains("RawItem");
        assertThat(header(h, DeadLetterHeaders.TOPIC)).isEqualTo(Topics.ITEMS_RAW.name());
        assertThat(header(h, DeadLetterHeaders.PARTITION)).isEqualTo("0");
        assertThat(header(h, DeadLetterHeaders.OFFSET)).isEqualTo("0");
        assertThat(classified.readValue().item().title()).isEqualTo("Suicide attack in Kabul");
    }

    @Test
    void shouldDeadLetterARecordTheClassifierCannotHandle() {
        send(item("https://a.example/4", "Drones explode"));
        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(header(dead.headers(), DeadLetterHeaders.ERROR)).contains("classifier failed").contains("classifier blew up");
        assertThat(classified.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterATombstone() {
        raw.pipeInput("gone".getBytes(StandardCharsets.UTF_8), (byte[]) null);
        assertThat(header(dlq.readRecord().headers(), DeadLetterHeaders.ERROR)).contains("no value");
    }

    private static String header(Headers headers, String key) {
        return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
