package org.karaul.processor;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.kafka.Json;
import org.karaul.contract.kafka.Topics;

/**
 * Writes a {@link ClassifiedRecord} as the JSON of its {@link ClassifiedItem}. The raw item comes first in that JSON
 * ({@code "item"}), and it is what the raw record held: when the record carries the raw value, those bytes are written
 * as the item's object and only the verdict's fields are serialised, so the 2 KB of title and text are neither
 * re-encoded nor copied through Jackson. For a raw value written by the wire mapper ({@link Json}), as the crawlers and
 * the load test write them, the bytes are exactly those of serialising the whole item; any other raw value reads back as
 * the same item (unknown fields are ignored on reading, as before).
 */
final class ClassifiedWriter implements Serializer<ClassifiedRecord> {
    private static final byte[] ITEM_FIELD = "{\"item\":".getBytes(StandardCharsets.UTF_8);
    /** The verdict: every field of a classified item but the raw item, with the wire mapper's settings. */
    private static final ObjectWriter VERDICT = Json.configure(new ObjectMapper())
            .addMixIn(ClassifiedItem.class, WithoutItem.class).writerFor(ClassifiedItem.class);
    private final Serializer<ClassifiedItem> whole = Topics.ITEMS_CLASSIFIED.valueSerde().serializer();

    /** Leaves the raw item out of the classified item's JSON. */
    @JsonIgnoreProperties({"item"})
    private abstract static class WithoutItem {
    }

    @Override
    public byte[] serialize(String topic, ClassifiedRecord record) {
        if (record == null) {
            return null;
        }
        byte[] raw = record.itemJson();
        if (raw == null) {
            return whole.serialize(topic, record.item());
        }
        byte[] verdict;
        try {
            verdict = VERDICT.writeValueAsBytes(record.item());
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot write ClassifiedItem for topic " + topic, e);
        }
        // {"item": + the raw object + , + the verdict's fields without their opening brace (relevant is always there)
        byte[] out = new byte[ITEM_FIELD.length + raw.length + verdict.length];
        System.arraycopy(ITEM_FIELD, 0, out, 0, ITEM_FIELD.length);
        System.arraycopy(raw, 0, out, ITEM_FIELD.length, raw.length);
        out[ITEM_FIELD.length + raw.length] = ',';
        System.arraycopy(verdict, 1, out, ITEM_FIELD.length + raw.length + 1, verdict.length - 1);
        return out;
    }
}
