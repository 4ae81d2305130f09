package org.karaul.ingest.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Health records of all sources. A source is BROKEN after {@code brokenAfter} failed polls in a row and SILENT
 * after {@code silentAfter} successful polls in a row without anything new; each change is logged and shown
 * as the gauge {@code karaul.ingest.source.state} (0 unknown, 1 ok, 2 silent, 3 broken) and
 * {@code karaul.ingest.source.last.success} (epoch seconds).
 */
public final class SourceHealthBoard {
    private static final Logger LOG = LoggerFactory.getLogger(SourceHealthBoard.class);

    private final Map<String, SourceHealth> records = new ConcurrentHashMap<>();
    private final int brokenAfter;
    private final int silentAfter;
    private final Clock clock;
    private volatile java.util.function.Consumer<SourceHealth> listener = h -> { };

    public SourceHealthBoard(Collection<String> sourceIds, int brokenAfter, int silentAfter, Clock clock,
                             MeterRegistry metrics) {
        this.brokenAfter = brokenAfter;
        this.silentAfter = silentAfter;
        this.clock = clock;
        for (String id : sourceIds) {
            records.put(id, SourceHealth.unknown(id));
            Gauge.builder("karaul.ingest.source.state", records, r -> r.get(id).state().ordinal())
                    .tag("source", id).description("0 unknown, 1 ok, 2 silent, 3 broken").register(metrics);
            Gauge.builder("karaul.ingest.source.last.success", records,
                            r -> r.get(id).lastSuccess() == null ? 0 : r.get(id).lastSuccess().getEpochSecond())
                    .tag("source", id).baseUnit("seconds").register(metrics);
        }
    }

    /** Told of every source's record after each poll (e.g. {@link SourceStatusPublisher}). */
    public void onUpdate(java.util.function.Consumer<SourceHealth> listener) {
        this.listener = listener;
    }

    /** Records a poll that worked and yielded {@code newItems} new or changed items. */
    public SourceHealth success(String id, int newItems) {
        return update(id, h -> {
            int empty = newItems > 0 ? 0 : h.consecutiveEmpty() + 1;
            SourceState state = empty >= silentAfter ? SourceState.SILENT : SourceState.OK;
            return new SourceHealth(id, state, 0, empty, clock.instant(),
                    newItems > 0 ? clock.instant() : h.lastNewItem(), null);
        });
    }

    /** Records a failed poll. */
    public SourceHealth failure(String id, String reason) {
        return update(id, h -> {
            int failures = h.consecutiveFailures() + 1;
            SourceState state = failures >= brokenAfter ? SourceState.BROKEN
                    : h.state() == SourceState.UNKNOWN ? SourceState.UNKNOWN : h.state();
            return new SourceHealth(id, state, failures, h.consecutiveEmpty(), h.lastSuccess(), h.lastNewItem(),
                    reason);
        });
    }

    private SourceHealth update(String id, java.util.function.UnaryOperator<SourceHealth> change) {
        SourceHealth before = records.getOrDefault(id, SourceHealth.unknown(id));
        SourceHealth after = change.apply(before);
        records.put(id, after);
        listener.accept(after);
        if (after.state() != before.state()) {
            if (after.state() == SourceState.BROKEN || after.state() == SourceState.SILENT) {
                LOG.warn("source {} is now {} ({})", id, after.state(), after.lastError() == null
                        ? after.consecutiveEmpty() + " polls without new items" : after.lastError());
            } else {
                LOG.info("source {} is now {}", id, after.state());
            }
        }
        return after;
    }

    public SourceHealth find(String id) {
        return records.getOrDefault(id, SourceHealth.unknown(id));
    }

    public List<SourceHealth> all() {
        return records.values().stream().sorted(java.util.Comparator.comparing(SourceHealth::sourceId)).toList();
    }

    /** One line for the health endpoint: counts by state and the ids of broken and silent sources. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        Map<SourceState, Long> counts = new java.util.EnumMap<>(SourceState.class);
        all().forEach(h -> counts.merge(h.state(), 1L, Long::sum));
        sb.append(counts);
        for (SourceState s : List.of(SourceState.BROKEN, SourceState.SILENT)) {
            List<String> ids = all().stream().filter(h -> h.state() == s).map(SourceHealth::sourceId).toList();
            if (!ids.isEmpty()) {
                sb.append("; ").append(s.name().toLowerCase(java.util.Locale.ROOT)).append(": ").append(ids);
            }
        }
        return sb.toString();
    }
}
