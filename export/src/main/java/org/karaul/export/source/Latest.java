package org.karaul.export.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.karaul.contract.Development;

/**
 * Keeps the latest version of each development (the last one read wins, as compaction keeps it) when that version is
 * in the window. Filtering as it reads gives the same result as filtering at the end, since only the last version
 * counts, and holds only what will be exported.
 */
final class Latest {
    private final Window window;
    private final Map<String, Development> byId = new TreeMap<>();
    private final List<String> skipped = new ArrayList<>();
    private long records;

    Latest(Window window) {
        this.window = window;
    }

    void put(String key, Development d) {
        records++;
        if (d == null) {
            if (key != null) {
                byId.remove(key); // a tombstone deletes it
            }
        } else if (window.contains(d)) {
            byId.put(d.id(), d);
        } else {
            byId.remove(d.id());
        }
    }

    void skip(String where, String why) {
        records++;
        skipped.add(where + ": " + why);
    }

    long records() {
        return records;
    }

    Read read() {
        return new Read(List.copyOf(byId.values()), records, skipped);
    }
}
