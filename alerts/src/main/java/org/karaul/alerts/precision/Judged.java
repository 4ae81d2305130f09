package org.karaul.alerts.precision;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.karaul.contract.kafka.Json;

/**
 * What analysts said of the developments one rule (or category) alerted on: counts by mark, precision with a Wilson
 * score interval, and the false alarms as examples.
 *
 * @param name          rule id or category id
 * @param alerts        alerts it produced (opened and escalated), as far as the alerts topic retains them
 * @param developments  developments it alerted on
 * @param confirmed     marked confirmed
 * @param handled       marked handled (acted on: counted as right)
 * @param falsePositive marked false positive
 * @param duplicate     marked duplicate (not counted either way)
 * @param falseAlarms   the false alarms, newest first: title, note and the words that fired
 */
public record Judged(String name, int alerts, int developments, int confirmed, int handled, int falsePositive,
                     int duplicate, List<Example> falseAlarms) {
    /** z for a two-sided 95% interval. */
    static final double Z = 1.959964;

    /** A false alarm to show: the development, its title, the analyst's note and the evidence terms. */
    public record Example(String developmentId, String title, String note, List<String> terms) {
    }

    public Judged {
        falseAlarms = List.copyOf(falseAlarms);
    }

    /** Marks that count for precision: right (confirmed, handled) and wrong (false positive). */
    public int judged() {
        return confirmed + handled + falsePositive;
    }

    /** Share judged right, or NaN when none was judged. */
    public double precision() {
        return judged() == 0 ? Double.NaN : (confirmed + handled) / (double) judged();
    }

    /** Wilson score interval of the precision at 95%: {low, high}; {0, 1} when none was judged. */
    public double[] interval() {
        int n = judged();
        if (n == 0) {
            return new double[] {0, 1};
        }
        double p = precision();
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /**
     * This row as JSON: its fields, and the precision with its interval when anything was judged; shared by the
     * report, the desk's {@code /rules/precision} and the backtest.
     */
    public ObjectNode json() {
        ObjectNode n = Json.mapper().valueToTree(this);
        if (judged() > 0) {
            n.put("precision", precision());
            n.putArray("interval").add(interval()[0]).add(interval()[1]);
        }
        return n;
    }

    /** One row of the report's table. */
    public String row() {
        double[] ci = interval();
        String precision = judged() == 0 ? "-" : String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", precision(), ci[0], ci[1]);
        return String.format(Locale.ROOT, "%-40s %6d %6d %6d %6d %6d %6d  %s", name, alerts, developments, confirmed,
                handled, falsePositive, duplicate, precision);
    }

    static Judged empty(String name) {
        return new Judged(name, 0, 0, 0, 0, 0, 0, new ArrayList<>());
    }
}
