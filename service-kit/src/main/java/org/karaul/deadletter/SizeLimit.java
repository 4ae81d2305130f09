package org.karaul.deadletter;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A serde that refuses to read values over a size, before parsing them: a stage whose output grows with its input
 * must not take a record whose result would not fit its output topic (under exactly-once a refused send dooms the
 * transaction, see {@link DeadLetterHandler}). The refusal is a {@link SerializationException}, so the record is
 * dead-lettered (as an excerpt) like any unreadable one.
 */
public final class SizeLimit {
    private SizeLimit() {
    }

    /** {@code serde} for writing; for reading, the same after a size check. */
    public static <T> Serde<T> of(Serde<T> serde, int maxBytes) {
        Deserializer<T> inner = serde.deserializer();
        Deserializer<T> bounded = (topic, data) -> {
            if (data != null && data.length > maxBytes) {
                throw new SerializationException("value of " + data.length + " bytes from topic " + topic
                        + " is over the limit of " + maxBytes);
            }
            return inner.deserialize(topic, data);
        };
        return Serdes.serdeFrom(serde.serializer(), bounded);
    }
}
