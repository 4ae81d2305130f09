package org.karaul.ingest;

import java.util.ArrayList;
import java.util.List;
import org.karaul.contract.RawItem;
import org.karaul.contract.SeenUrl;

/**
 * One poll's new or changed items with their seen marks, waiting to go out in one transaction. Items and marks are
 * kept and dropped together, so the crawler's memory never runs ahead of the raw topic. Guarded by the publisher.
 */
final class Batch {
    private final String sourceId;
    private final List<RawItem> items;
    private final List<SeenUrl> marks;
    private final List<Integer> sizes;

    Batch(String sourceId, List<RawItem> items, List<SeenUrl> marks, List<Integer> sizes) {
        this.sourceId = sourceId;
        this.items = new ArrayList<>(items);
        this.marks = new ArrayList<>(marks);
        this.sizes = new ArrayList<>(sizes);
    }

    String sourceId() {
        return sourceId;
    }

    List<RawItem> items() {
        return List.copyOf(items);
    }

    List<SeenUrl> marks() {
        return List.copyOf(marks);
    }

    int size() {
        return items.size();
    }

    long bytes() {
        return sizes.stream().mapToLong(Integer::longValue).sum();
    }

    /**
     * Drops the items whose mark the seen topic already holds (same content and version): they were committed by a
     * transaction whose outcome this process did not learn. Returns the dropped items.
     */
    List<RawItem> dropCommitted(SeenUrls committed) {
        List<RawItem> dropped = new ArrayList<>();
        for (int i = items.size() - 1; i >= 0; i--) {
            SeenUrl mark = marks.get(i);
            boolean landed = committed.find(items.get(i).id())
                    .filter(s -> s.version() == mark.version() && s.contentHash().equals(mark.contentHash()))
                    .isPresent();
            if (landed) {
                dropped.add(0, items.remove(i));
                marks.remove(i);
                sizes.remove(i);
            }
        }
        return dropped;
    }
}
