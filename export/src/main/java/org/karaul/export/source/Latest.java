package org.karaul.export.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.karaul.contract.Development;

/** Keeps the latest version of each development (the last one read wins, as compaction keeps it), then filters. */
final class Latest {
    private final Map<String, Development> byId = new TreeMap<>();
    private final List<String> skipped = new ArrayList<>();
    private long records;

    void put(String id, Development d) {
        records++;
        if (d == null) {
            if (id != null) {
                byId.remove(id); // a tombstone deletes it
            }
        } else {
            byId.put(d.id(), d);
        }
    }

    void skip(String where, String why) {
        records++;
        skipped.add(where + ": " + why);
    }

    long records() {
        return records;
    }

    Read within(Window window) {
        return new Read(byId.values().stream().filter(window::contains).toList(), records, skipped);
    }
}
