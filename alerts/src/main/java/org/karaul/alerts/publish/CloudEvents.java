package org.karaul.alerts.publish;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.data.PojoCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.karaul.contract.Alert;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.kafka.JsonSerde;
import org.karaul.contract.kafka.Topics;

/**
 * The alert event through the CloudEvents SDK: the SDK's event, its Kafka binary-binding headers ({@code ce_*})
 * for routing without parsing, and its structured JSON format (which the wire serde's output equals).
 */
public final class CloudEvents {
    /** The Kafka header that says the value is a structured CloudEvent. */
    public static final String CONTENT_TYPE_HEADER = "content-type";
    private static final JsonFormat FORMAT = new JsonFormat();
    private static final Serializer<Alert> DATA = new JsonSerde<>(Alert.class).serializer();

    private CloudEvents() {
    }

    /** The SDK's view of an alert event. */
    public static CloudEvent toCloudEvent(AlertEvent e) {
        return CloudEventBuilder.v1()
                .withId(e.id())
                .withSource(URI.create(e.source()))
                .withType(e.type())
                .withSubject(e.subject())
                .withTime(e.time() == null ? null : e.time().atOffset(ZoneOffset.UTC))
                .withDataSchema(URI.create(e.dataschema()))
                .withData(e.datacontenttype(), PojoCloudEventData.wrap(e.data(), a -> DATA.serialize(Topics.ALERTS.name(), a)))
                .build();
    }

    /**
     * The Kafka headers of an alert record: the binary binding's {@code ce_*} attributes, and
     * {@code content-type: application/cloudevents+json} because the value is the structured JSON event.
     */
    public static Headers kafkaHeaders(AlertEvent e) {
        ProducerRecord<Void, byte[]> binary = KafkaMessageFactory.createWriter(Topics.ALERTS.name())
                .writeBinary(toCloudEvent(e));
        Headers out = new RecordHeaders();
        for (Header h : binary.headers()) {
            if (!h.key().equals(CONTENT_TYPE_HEADER)) {
                out.add(h.key(), h.value());
            }
        }
        out.add(CONTENT_TYPE_HEADER, AlertEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return out;
    }

    /** The structured JSON (CloudEvents JSON format) of an event, written by the SDK. */
    public static byte[] structured(CloudEvent e) {
        return FORMAT.serialize(e);
    }

    /** Reads structured JSON with the SDK. */
    public static CloudEvent parse(byte[] json) {
        return FORMAT.deserialize(json);
    }
}
