package org.karaul.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-memory side; the Streams side runs under the alert and development topology tests. */
class KeyValuesTest {
    @Test
    void shouldKeepValuesInKeyOrderLikeAPersistentStore() {
        KeyValues<Integer> kv = KeyValues.inMemory();
        kv.put("b", 2);
        kv.put("c", 3);
        kv.put("a", 1);
        kv.put("b", 20);
        kv.delete("c");
        assertThat(kv.get("b")).isEqualTo(20);
        assertThat(kv.get("c")).isNull();
        assertThat(kv.values()).containsExactly(1, 20);
    }

    @Test
    void shouldWriteThroughToAGivenMapAndFollowItsOrder() {
        Map<String, String> map = new LinkedHashMap<>();
        KeyValues<String> kv = KeyValues.of(map);
        kv.put("z", "last in key order");
        kv.put("a", "first in key order");
        assertThat(map).containsEntry("z", "last in key order");
        assertThat(kv.values()).containsExactly("last in key order", "first in key order");
    }
}
