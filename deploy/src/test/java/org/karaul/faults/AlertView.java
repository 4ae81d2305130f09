package org.karaul.faults;

import java.util.List;
import java.util.Objects;
import org.karaul.contract.Alert;
import org.karaul.contract.SourceOffset;
import org.karaul.contract.kafka.Topics;

/**
 * An alert as two runs can compare it: which development, transition and severity ({@link #key()}, one alert each),
 * and what it says (items, the input items it stems from by their place in the feed, categories, countries,
 * title). Offsets and clock times differ between runs and are left out.
 *
 * @param key     development id, type and severity
 * @param content the comparable rest
 * @param lastItem the latest feed item in its lineage: the alert cannot exist before that item was written
 */
record AlertView(String key, String content, int lastItem) {

    static AlertView of(Alert a, Feed feed) {
        List<Integer> items = a.lineage().origins().stream()
                .filter(o -> o.topic().equals(Topics.ITEMS_RAW.name()))
                .map(SourceOffset::offset).map(offset -> feed.indexAt(offset)).sorted().toList();
        int last = items.isEmpty() ? -1 : items.get(items.size() - 1);
        String content = a.itemCount() + " items " + items + " " + a.categories() + " " + a.countries() + " "
                + Objects.toString(a.title(), "");
        return new AlertView(a.developmentId() + "|" + a.type() + "|" + a.severity(), content, last);
    }
}
