package org.karaul.alerts.dispatch;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.karaul.contract.Alert;
import org.karaul.contract.SourceRef;

/** Prints each alert as one readable line: time, severity, categories, countries, title, source. */
public final class ConsoleSink implements DispatcherSink {
    private final PrintStream out;

    public ConsoleSink(PrintStream out) {
        this.out = out;
    }

    @Override
    public String id() {
        return "console";
    }

    @Override
    public void deliver(Alert alert) {
        out.println(format(alert));
        out.flush();
    }

    /** {@code 2026-11-22T10:15:00Z  CRITICAL  terrorism.attack  TJ,AF  Title  [source url]}. */
    public static String format(Alert a) {
        Instant when = a.lastSeen() != null ? a.lastSeen() : a.createdAt();
        String time = when == null ? "-" : when.truncatedTo(ChronoUnit.SECONDS).toString();
        String source = a.sources().isEmpty() ? "-" : describe(a.sources().get(0))
                + (a.sources().size() > 1 ? " +" + (a.sources().size() - 1) + " more" : "");
        return String.format(Locale.ROOT, "%s  %-8s  %s  %s  %s  [%s]", time,
                a.severity().id().toUpperCase(Locale.ROOT), String.join(",", a.categories()),
                a.countries().isEmpty() ? "-" : String.join(",", a.countries()), oneLine(a.title()), source);
    }

    private static String describe(SourceRef s) {
        return s.sourceId() + (s.url() == null ? "" : " " + s.url());
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\p{Cntrl}\\s]+", " ").trim();
    }
}
