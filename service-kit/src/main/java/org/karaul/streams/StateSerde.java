package org.karaul.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import org.apache.kafka.common.serialization.Serde;
import org.karaul.contract.kafka.Json;
import org.karaul.contract.kafka.JsonSerde;

/**
 * The serde of a state store's values: the wire's data model ({@link Json}: the same fields, instants and omitted
 * nulls) written as Smile, Jackson's binary form of JSON, which spells numbers in binary and each field name once per
 * value. A store's values go to its changelog and are read back at every start, so their size is what a restart
 * reads; topics other services read stay plain JSON.
 */
public final class StateSerde {
    private static final ObjectMapper MAPPER = Json.configure(new SmileMapper());

    private StateSerde() {
    }

    /** The serde of values of {@code type}. */
    public static <T> Serde<T> of(Class<T> type) {
        return new JsonSerde<>(type, MAPPER);
    }
}
