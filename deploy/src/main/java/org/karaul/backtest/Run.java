package org.karaul.backtest;

import java.util.List;
import java.util.Map;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Development;

/**
 * What one configuration made of the replayed items.
 *
 * @param items        each item's latest classification, by item id, in replay order
 * @param developments each development's latest state, by id, in order of opening
 * @param alerts       the alerts raised, in order
 */
record Run(Map<String, ClassifiedItem> items, Map<String, Development> developments, List<AlertEvent> alerts) {
    Run {
        items = java.util.Collections.unmodifiableMap(items);
        developments = java.util.Collections.unmodifiableMap(developments);
        alerts = List.copyOf(alerts);
    }
}
