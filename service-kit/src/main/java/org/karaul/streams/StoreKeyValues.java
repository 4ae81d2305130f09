package org.karaul.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** {@link KeyValues} over a Kafka Streams key-value store; open for a stage that names its own store type over it. */
public class StoreKeyValues<V> implements KeyValues<V> {
    private final KeyValueStore<String, V> store;

    public StoreKeyValues(KeyValueStore<String, V> store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public V get(String key) {
        return store.get(key);
    }

    @Override
    public void put(String key, V value) {
        store.put(key, value);
    }

    @Override
    public void delete(String key) {
        store.delete(key);
    }

    @Override
    public List<V> values() {
        List<V> out = new ArrayList<>();
        try (KeyValueIterator<String, V> it = store.all()) {
            it.forEachRemaining(kv -> out.add(kv.value));
        }
        return out;
    }
}
