package org.karaul.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link KeyValues} over a map; open for a stage that names its own store type over it. */
public class MapKeyValues<V> implements KeyValues<V> {
    private final Map<String, V> map;

    public MapKeyValues(Map<String, V> map) {
        this.map = Objects.requireNonNull(map, "map");
    }

    @Override
    public V get(String key) {
        return map.get(key);
    }

    @Override
    public void put(String key, V value) {
        map.put(key, value);
    }

    @Override
    public void delete(String key) {
        map.remove(key);
    }

    @Override
    public List<V> values() {
        return new ArrayList<>(map.values());
    }
}
