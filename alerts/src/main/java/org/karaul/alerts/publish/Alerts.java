package org.karaul.alerts.publish;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.stream.Collectors;
import org.karaul.alerts.rules.AlertRule;
import org.karaul.contract.Alert;
import org.karaul.contract.Development;
import org.karaul.contract.Lineage;
import org.karaul.contract.SourceRef;

/** Builds the alert for a development transition, with its one-paragraph summary. */
public final class Alerts {
    private Alerts() {
    }

    /**
     * The alert raised by the development that the record at {@code partition}/{@code offset} moved: in the service
     * the classified item on {@code karaul.items.classified} (in the partition of its grouping key), in the backtest its
     * input's position.
     * Its id is {@code <development>.<type>.<severity>.<partition>-<offset>}: one record raises at most one alert per
     * development, so no two alerts share an id, not even when a closed development is opened again under the same
     * id; and a replay reads the same record at the same offset, so the id is the same on every redelivery and
     * reprocessing.
     */
    public static Alert of(Development d, String type, AlertRule rule, Instant now, int partition, long offset) {
        String id = d.id() + "." + type + "." + d.severity().id() + "." + partition + "-" + offset;
        return new Alert(id, type, d.id(), d.title() == null ? "" : d.title(), summary(d), d.severity(), d.categories(),
                d.countries(), d.groups(), d.sources(), d.evidence(), d.firstSeen(), d.lastSeen(),
                new Lineage(d.taxonomyVersion(), rule.id(), d.origins()), now, d.itemCount(), d.independentSources(),
                d.timeline(), d.spike(), d.locations());
    }

    /** Lead sentences of the most reliable item, then who reported it, when, and what it is about. */
    static String summary(Development d) {
        StringBuilder sb = new StringBuilder();
        if (d.lead() != null && !d.lead().isBlank()) {
            sb.append(d.lead().trim());
            if (!d.lead().trim().endsWith(".") && !d.lead().trim().endsWith("…")) {
                sb.append('.');
            }
            sb.append(' ');
        }
        String sources = d.sources().stream().map(Alerts::describe).collect(Collectors.joining(", "));
        sb.append(String.format(Locale.ROOT, "Reported in %d item%s by %d source%s (%d independent: %s)",
                d.itemCount(), d.itemCount() == 1 ? "" : "s", d.sources().size(), d.sources().size() == 1 ? "" : "s",
                d.independentSources(), sources));
        if (d.firstSeen() != null && d.lastSeen() != null) {
            sb.append(d.firstSeen().equals(d.lastSeen()) ? " at " + minute(d.firstSeen())
                    : " between " + minute(d.firstSeen()) + " and " + minute(d.lastSeen()));
        }
        sb.append(". Severity ").append(d.severity().id()).append("; ").append(String.join(", ", d.categories()));
        if (!d.countries().isEmpty()) {
            sb.append(" in ").append(String.join(", ", d.countries()));
        }
        if (!d.groups().isEmpty()) {
            sb.append("; groups: ").append(String.join(", ", d.groups()));
        }
        return sb.append('.').toString();
    }

    private static String describe(SourceRef s) {
        return s.sourceId() + (s.grade() == null ? "" : " (" + s.grade() + ")");
    }

    private static String minute(Instant t) {
        return t.truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
