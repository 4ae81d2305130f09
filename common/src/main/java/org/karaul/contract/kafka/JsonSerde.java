package org.karaul.contract.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON serde for one record type. A value that cannot be read throws Kafka's
 * {@link SerializationException} naming the type and the topic; so does the JSON literal {@code null}, which is
 * not a record. A missing value (no bytes: a tombstone) reads as null.
 */
public final class JsonSerde<T> implements Serde<T> {
    private final Class<T> type;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    public JsonSerde(Class<T> type) {
        this(type, Json.mapper());
    }

    /**
     * With another mapper of the same data model: a binary form of JSON for state stores, say, configured with
     * {@link Json#configure} so that it reads and writes the same fields.
     */
    public JsonSerde(Class<T> type, ObjectMapper mapper) {
        this.type = type;
        this.reader = mapper.readerFor(type);
        this.writer = mapper.writerFor(type);
    }

    public Class<T> type() {
        return type;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return writer.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + type.getSimpleName() + " for topic " + topic, e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            T value;
            try {
                value = reader.readValue(data);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("cannot read " + type.getSimpleName() + " from topic " + topic
                        + ": " + firstLine(e.getMessage()), e);
            }
            if (value == null) {
                // the JSON literal null: not a tombstone (that is a record without value bytes), and not a T
                throw new SerializationException("cannot read " + type.getSimpleName() + " from topic " + topic
                        + ": the value is the JSON literal null");
            }
            return value;
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
