package org.karaul.backtest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.karaul.alerts.precision.Judged;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.kafka.Json;

/** A {@link Difference} as text for the console and as JSON for {@code --json}. */
final class ReportWriter {
    /** Label changes printed in full; the JSON has them all. */
    static final int PRINTED_CHANGES = 50;

    private ReportWriter() {
    }

    static void print(PrintWriter out, Difference d) {
        long flips = d.labels().stream().filter(Difference.LabelChange::relevanceFlipped).count();
        out.printf(Locale.ROOT, "items replayed: %d; labels changed on %d (relevance flipped on %d)%n", d.items(),
                d.labels().size(), flips);
        for (Difference.LabelChange c : d.labels().stream().limit(PRINTED_CHANGES).toList()) {
            out.printf(Locale.ROOT, "  %s %s%s%n", c.itemId(), quoted(c.title()),
                    c.relevanceFlipped() ? (c.relevantAfter() ? "  now relevant" : "  no longer relevant") : "");
            c.added().forEach(l -> out.printf(Locale.ROOT, "    + %s (%s) on %s%n", l.id(), l.severity().id(), spans(l)));
            c.removed().forEach(l -> out.printf(Locale.ROOT, "    - %s (%s) was on %s%n", l.id(), l.severity().id(), spans(l)));
        }
        if (d.labels().size() > PRINTED_CHANGES) {
            out.printf(Locale.ROOT, "  … and %d more (all in --json)%n", d.labels().size() - PRINTED_CHANGES);
        }
        out.printf(Locale.ROOT, "developments: %d deployed, %d candidate; %d gained, %d lost%n",
                d.developments().deployed(), d.developments().candidate(), d.developments().gained().size(),
                d.developments().lost().size());
        d.developments().gained().forEach(x -> out.printf(Locale.ROOT, "  + %s %s %s %s%n", x.id(), x.severity().id(),
                String.join(",", x.categories()), quoted(x.title())));
        d.developments().lost().forEach(x -> out.printf(Locale.ROOT, "  - %s %s %s %s%n", x.id(), x.severity().id(),
                String.join(",", x.categories()), quoted(x.title())));
        out.printf(Locale.ROOT, "alerts: %d deployed, %d candidate; %d gained, %d lost%n", d.alerts().deployed(),
                d.alerts().candidate(), d.alerts().gained().size(), d.alerts().lost().size());
        d.alerts().gained().forEach(a -> out.printf(Locale.ROOT, "  + %s %s %s [%s] %s%n", a.developmentId(), a.type(),
                a.severity().id(), a.ruleId(), quoted(a.title())));
        d.alerts().lost().forEach(a -> out.printf(Locale.ROOT, "  - %s %s %s [%s] %s%n", a.developmentId(), a.type(),
                a.severity().id(), a.ruleId(), quoted(a.title())));
        counts(out, "items per category", d.categories());
        counts(out, "alerts per rule", d.rules());
        if (d.precision().isEmpty()) {
            out.println("precision: no triage marks to judge by");
            return;
        }
        out.printf(Locale.ROOT, "precision per rule under %d triage mark(s), deployed -> candidate:%n", d.marked());
        for (Difference.PrecisionMove m : d.precision()) {
            out.printf(Locale.ROOT, "  %-40s %s -> %s%n", m.rule(), precision(m.deployed()), precision(m.candidate()));
        }
    }

    private static void counts(PrintWriter out, String what, Map<String, Difference.Counts> counts) {
        out.printf(Locale.ROOT, "%s (deployed -> candidate):%n", what);
        counts.forEach((k, c) -> out.printf(Locale.ROOT, "  %-40s %6d -> %6d%s%n", k, c.deployed(), c.candidate(),
                c.changed() ? "  *" : ""));
    }

    private static String precision(Judged j) {
        if (j == null) {
            return "no alerts";
        }
        if (j.judged() == 0) {
            return String.format(Locale.ROOT, "%d alert(s), none judged", j.alerts());
        }
        double[] ci = j.interval();
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f] (%d right of %d)", j.precision(), ci[0], ci[1],
                j.confirmed() + j.handled(), j.judged());
    }

    private static String spans(CategoryLabel l) {
        return l.evidence().stream().map(e -> e.field() + "[" + e.start() + "," + e.end() + ") '" + e.term() + "'")
                .collect(Collectors.joining(", "));
    }

    private static String quoted(String title) {
        return title == null ? "" : "\"" + title.replaceAll("\\p{Cntrl}", " ") + "\"";
    }

    static ObjectNode json(Difference d) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("items", d.items());
        ArrayNode labels = root.putArray("labelChanges");
        for (Difference.LabelChange c : d.labels()) {
            ObjectNode n = Json.mapper().valueToTree(c);
            n.put("relevanceFlipped", c.relevanceFlipped());
            labels.add(n);
        }
        root.set("developments", Json.mapper().valueToTree(d.developments()));
        root.set("alerts", Json.mapper().valueToTree(d.alerts()));
        root.set("categories", Json.mapper().valueToTree(d.categories()));
        root.set("rules", Json.mapper().valueToTree(d.rules()));
        root.put("marked", d.marked());
        ArrayNode precision = root.putArray("precision");
        for (Difference.PrecisionMove m : d.precision()) {
            ObjectNode n = precision.addObject().put("rule", m.rule());
            if (m.deployed() != null) {
                n.set("deployed", m.deployed().json());
            }
            if (m.candidate() != null) {
                n.set("candidate", m.candidate().json());
            }
        }
        return root;
    }
}
