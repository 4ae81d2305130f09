package org.karaul.alerts.trends;

import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.karaul.contract.Development;
import org.karaul.contract.DevelopmentStatus;

/**
 * Turns a development's transition into what it adds to each of its category × country cells: the items that
 * joined since its last transition (from its item count, remembered per development) and one opened development
 * the first time it is seen open. Spikes are counts already and add nothing; a closed development is forgotten.
 * A record the alert publisher refuses (no value, a key other than its id) is left to it: it dead-letters them.
 */
final class TrendDeltas implements Processor<String, Development, String, TrendCell> {
    /** A development without a country is counted under this one. */
    static final String NO_COUNTRY = "-";

    private ProcessorContext<String, TrendCell> context;
    private KeyValueStore<String, Integer> seen;

    @Override
    public void init(ProcessorContext<String, TrendCell> context) {
        this.context = context;
        this.seen = context.getStateStore(TrendTopology.SEEN_STORE);
    }

    @Override
    public void process(Record<String, Development> record) {
        Development d = record.value();
        if (d == null || !d.id().equals(record.key()) || d.spike() != null) {
            return;
        }
        Integer before = seen.get(d.id());
        if (d.status() == DevelopmentStatus.CLOSED) {
            if (before != null) {
                seen.delete(d.id());
            }
            return;
        }
        int items = Math.max(0, d.itemCount() - (before == null ? 0 : before));
        int opened = before == null ? 1 : 0;
        if (items == 0 && opened == 0) {
            return;
        }
        seen.put(d.id(), Math.max(d.itemCount(), before == null ? 0 : before));
        TrendCell delta = new TrendCell(items, opened);
        for (String category : d.categories()) {
            for (String country : d.countries().isEmpty() ? List.of(NO_COUNTRY) : d.countries()) {
                context.forward(record.withKey(TrendTopology.cell(category, country)).withValue(delta));
            }
        }
    }
}
