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
import org.karaul.deadletter.BadRecordException;
import org.karaul.deadletter.DeadLetterHandler;
import org.karaul.deadletter.DeadLetters;
import org.karaul.processor.classify.Classification;
import org.karaul.processor.classify.Classifier;
import org.karaul.processor.classify.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProcessorTopologyTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final int MAX_BYTES = 512 * 1024;

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
        DeadLetters deadLetters = new DeadLetters(Topics.ITEMS_RAW_DLQ.name(), "processor", MAX_BYTES);
        DeadLetterHandler.install(props, deadLetters, null);
        driver = new TopologyTestDriver(ProcessorTopology.build(classifier, new SimpleMeterRegistry(),
                Clock.fixed(NOW, ZoneOffset.UTC), deadLetters, MAX_BYTES), props);
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

    /** Each kind of poison between two good items: the good ones are classified, the bad one dead-lettered. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(RawPoison.class)
    void shouldDeadLetterEachKindOfPoisonBetweenTwoGoodItems(RawPoison poison) {
        RawItem before = item("https://a.example/before", "Gunmen attack border post");
        RawItem after = item("https://a.example/after", "Cotton harvest up");
        send(before);
        raw.pipeInput(poison.key(), poison.value());
        send(after);

        assertThat(classified.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly(before.id(), after.id());
        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(dlq.isEmpty()).isTrue();
        Headers h = dead.headers();
        assertThat(header(h, DeadLetterHeaders.ERROR)).contains(poison.reason);
        assertThat(header(h, DeadLetterHeaders.EXCEPTION)).isEqualTo(BadRecordException.class.getName());
        assertThat(header(h, DeadLetterHeaders.TOPIC)).isEqualTo(Topics.ITEMS_RAW.name());
        assertThat(header(h, DeadLetterHeaders.PARTITION)).isEqualTo("0");
        assertThat(header(h, DeadLetterHeaders.OFFSET)).isEqualTo("1");
        assertThat(header(h, DeadLetterHeaders.SERVICE)).isEqualTo("processor");
        assertThat(dead.key()).isEqualTo(poison.key());
        if (poison == RawPoison.HUGE) {
            assertThat(dead.value()).hasSize(DeadLetters.EXCERPT_BYTES);
            assertThat(header(h, DeadLetterHeaders.SIZE)).isEqualTo(Integer.toString(poison.value().length));
            assertThat(header(h, DeadLetterHeaders.SHA256)).hasSize(64);
        } else {
            assertThat(dead.value()).isEqualTo(poison.value());
            assertThat(h.lastHeader(DeadLetterHeaders.EXCERPT)).isNull();
        }
    }

    /** A raw value that is not one bare JSON object is read as before and its item written anew; the result is the same. */
    @Test
    void shouldWriteTheSameClassifiedItemWhateverFollowsTheRawObject() {
        RawItem item = item("https://a.example/trailing", "Gunmen attack border post");
        byte[] plain = Topics.ITEMS_RAW.valueSerde().serializer().serialize("t", item);
        byte[] spaced = (new String(plain, StandardCharsets.UTF_8) + " \n").getBytes(StandardCharsets.UTF_8);
        byte[] trailing = (new String(plain, StandardCharsets.UTF_8) + " {}").getBytes(StandardCharsets.UTF_8);
        byte[] key = item.id().getBytes(StandardCharsets.UTF_8);
        raw.pipeInput(key, plain);
        raw.pipeInput(key, spaced);
        raw.pipeInput(key, trailing);

        List<ClassifiedItem> out = classified.readValuesToList();
        assertThat(out).hasSize(3);
        assertThat(out).allSatisfy(c -> assertThat(c.item()).isEqualTo(item));
        assertThat(out.get(1)).usingRecursiveComparison().ignoringFields("origin").isEqualTo(out.get(0));
        assertThat(out.get(2)).usingRecursiveComparison().ignoringFields("origin").isEqualTo(out.get(0));
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterARecordWhoseHeadersWouldMakeItsClassifiedFormTooLarge() {
        RawItem heavy = item("https://a.example/heavy", "Gunmen attack border post");
        Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        for (int i = 0; i < 600; i++) {
            headers.add("h" + i, new byte[1000]);
        }
        raw.pipeInput(new TestRecord<>(heavy.id().getBytes(StandardCharsets.UTF_8),
                Topics.ITEMS_RAW.valueSerde().serializer().serialize("t", heavy), headers));
        send(item("https://a.example/light", "Cotton harvest up"));

        assertThat(classified.readValuesToList()).extracting(c -> c.item().title()).containsExactly("Cotton harvest up");
        assertThat(header(dlq.readRecord().headers(), DeadLetterHeaders.ERROR)).contains("value and headers of");
    }

    @Test
    void shouldKeyARecordWithoutKeyByItsItemId() {
        RawItem keyless = item("https://a.example/keyless", "Gunmen attack border post");
        raw.pipeInput(null, Topics.ITEMS_RAW.valueSerde().serializer().serialize("t", keyless));
        send(item("https://a.example/next", "Cotton harvest up"));

        assertThat(classified.readKeyValuesToList()).extracting(kv -> kv.key)
                .containsExactly(keyless.id(), ItemIds.forUrl("https://a.example/next"));
        assertThat(dlq.isEmpty()).isTrue();
    }

    /** What the classify stage refuses, each with a word of the reason it gives. */
    enum RawPoison {
        NOT_JSON("<html>not json", "cannot read RawItem"),
        JSON_NULL("null", "JSON literal null"),
        WRONG_SHAPE("[1, 2, 3]", "cannot read RawItem"),
        WRONG_TYPES("{\"id\": [1], \"url\": {}, \"sourceId\": 7, \"fetchedAt\": true, \"version\": \"many\"}",
                "cannot read RawItem"),
        MISSING_FIELDS("{\"title\": \"Attack\"}", "cannot read RawItem"),
        INVALID_UTF8(null, "cannot read RawItem"),
        NO_TITLE_NOR_TEXT(null, "neither title nor text"),
        WRONG_KEY(null, "is not the item id"),
        NULL_VALUE(null, "no value"),
        HUGE(null, "over the limit");

        private final String text;
        final String reason;

        RawPoison(String text, String reason) {
            this.text = text;
            this.reason = reason;
        }

        byte[] key() {
            return this == WRONG_KEY ? "not-the-id".getBytes(StandardCharsets.UTF_8)
                    : ("poison-" + name()).getBytes(StandardCharsets.UTF_8);
        }

        byte[] value() {
            RawItem good = item("https://a.example/poison", "Gunmen attack border post");
            return switch (this) {
                case INVALID_UTF8 -> new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
                case NO_TITLE_NOR_TEXT -> Topics.ITEMS_RAW.valueSerde().serializer().serialize("t", new RawItem(good.id(),
                        good.url(), " ", "", null, "src", "rss", "B", "en", NOW, 1));
                case WRONG_KEY -> Topics.ITEMS_RAW.valueSerde().serializer().serialize("t", good);
                case NULL_VALUE -> null;
                case HUGE -> hugeItem(5 * 1024 * 1024);
                default -> text.getBytes(StandardCharsets.UTF_8);
            };
        }
    }

    /** A valid raw item of about {@code bytes} bytes. */
    static byte[] hugeItem(int bytes) {
        RawItem big = new RawItem(ItemIds.forUrl("https://a.example/huge"), "https://a.example/huge", "Attack",
                "attack ".repeat(bytes / 7), null, "src", "rss", "B", "en", NOW, 1);
        return Topics.ITEMS_RAW.valueSerde().serializer().serialize("t", big);
    }

    private static String header(Headers headers, String key) {
        return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
