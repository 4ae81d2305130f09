package org.karaul.faults;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The poison catalogue: every kind of bad record a stage can meet on its input, each tagged with the header
 * {@value #HEADER} (kept on its dead letter) so it can be found again wherever it lands.
 */
final class Poison {
    static final String HEADER = "karaul-fault-poison";
    /** Larger than every stage's limit and than the 1 MiB a topic takes by default. */
    static final int HUGE_BYTES = 5 * 1024 * 1024;

    /** One bad record as written: where it landed, or why the broker refused it. */
    record Written(String topic, String kind, long offset, String refused) {
        String tag() {
            return topic + "/" + kind;
        }
    }

    private record Kind(String name, byte[] key, byte[] value) {
    }

    private Poison() {
    }

    private static List<Kind> kinds(String topic) {
        byte[] huge = new byte[HUGE_BYTES];
        Arrays.fill(huge, (byte) 'a');
        byte[] hugeJson = ("{\"pad\":\"" + new String(huge, StandardCharsets.US_ASCII) + "\"}").getBytes(StandardCharsets.US_ASCII);
        byte[] badUtf8 = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
        return List.of(
                new Kind("not-json", key(topic, "not-json"), bytes("<html>not json at all")),
                new Kind("json-null", key(topic, "json-null"), bytes("null")),
                new Kind("wrong-shape", key(topic, "wrong-shape"), bytes("[1, 2, {\"id\": 3}]")),
                new Kind("wrong-types", key(topic, "wrong-types"), bytes("{\"id\": 42, \"url\": [true], \"title\": {\"a\": 1},"
                        + " \"published\": \"yesterday\", \"severity\": 7, \"data\": \"x\", \"version\": \"two\"}")),
                new Kind("huge", key(topic, "huge"), hugeJson),
                new Kind("invalid-utf8", key(topic, "invalid-utf8"), badUtf8),
                new Kind("null-key", null, bytes("{not json either")),
                new Kind("null-value", key(topic, "null-value"), null));
    }

    /** Writes the whole catalogue onto {@code topic} (partition 0), in catalogue order. */
    static List<Written> write(String bootstrap, String topic) {
        List<Written> out = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024, ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Kind k : kinds(topic)) {
                ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topic, 0, k.key(), k.value());
                r.headers().add(HEADER, bytes(topic + "/" + k.name()));
                try {
                    RecordMetadata m = p.send(r).get(60, TimeUnit.SECONDS);
                    out.add(new Written(topic, k.name(), m.offset(), null));
                } catch (ExecutionException e) {
                    // a compacted topic takes no record without a key: the broker refuses it, so no stage can meet it
                    out.add(new Written(topic, k.name(), -1, e.getCause().getClass().getSimpleName()));
                } catch (Exception e) {
                    throw new AssertionError("cannot write poison " + k.name() + " to " + topic, e);
                }
            }
        }
        return out;
    }

    private static byte[] key(String topic, String kind) {
        return bytes("poison-" + topic + "-" + kind);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
