package org.karaul.streams;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What a stage remembers per key, apart from where it lives: a Kafka Streams key-value store when the stage runs in a
 * topology ({@link #of(KeyValueStore)}), a sorted map when the same code runs offline, as the backtest does
 * ({@link #inMemory()}). A stage's logic written against this runs the same in both.
 *
 * @param <V> the remembered value
 */
public interface KeyValues<V> {
    /** The value under {@code key}, or null. */
    V get(String key);

    void put(String key, V value);

    void delete(String key);

    /** Every value, in key order. */
    List<V> values();

    /** A Kafka Streams key-value store seen as {@link KeyValues}. */
    static <V> KeyValues<V> of(KeyValueStore<String, V> store) {
        return new StoreKeyValues<>(store);
    }

    /** An empty sorted map (key order as a persistent store's), for offline runs. */
    static <V> KeyValues<V> inMemory() {
        return new MapKeyValues<>(new TreeMap<>());
    }

    /** {@code map} seen as {@link KeyValues}; {@link #values()} follows the map's own order. */
    static <V> KeyValues<V> of(Map<String, V> map) {
        return new MapKeyValues<>(map);
    }
}
