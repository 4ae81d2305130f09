package org.karaul.local;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.karaul.ingest.health.SourceState;

/**
 * Prints one line every interval: items fetched and new since start, items classified, developments open, alerts
 * published since start, sources failing. Counts come from the shared metrics registry (this process only) and,
 * for open developments, from the developments topic (every run).
 */
public final class StatusLine implements AutoCloseable {
    private static final int BROKEN = SourceState.BROKEN.ordinal(); // the karaul.ingest.source.state gauge value

    private final MeterRegistry metrics;
    private final OpenDevelopments developments;
    private final PrintStream out;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    private StatusLine(MeterRegistry metrics, OpenDevelopments developments, PrintStream out, Clock clock) {
        this.metrics = metrics;
        this.developments = developments;
        this.out = out;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "karaul-status-line");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts printing to {@code out} every {@code every}, the first line one interval from now. */
    public static StatusLine start(MeterRegistry metrics, Properties kafka, PrintStream out, Duration every) {
        StatusLine s = new StatusLine(metrics, OpenDevelopments.start(kafka), out, Clock.systemUTC());
        s.timer.scheduleAtFixedRate(() -> out.println(s.line()), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return s;
    }

    /** The status as one line. */
    String line() {
        long sources = metrics.find("karaul.ingest.source.state").gauges().size();
        long failing = metrics.find("karaul.ingest.source.state").gauges().stream().filter(g -> g.value() == BROKEN).count();
        return clock.instant().truncatedTo(ChronoUnit.SECONDS) + "  status  fetched " + sum("karaul.ingest.items.found")
                + " (new " + sum("karaul.ingest.items.published") + ")  classified " + classified()
                + "  developments open " + developments.count() + "  alerts " + sum("karaul.alerts.published")
                + "  sources failing " + failing + "/" + sources;
    }

    private long classified() {
        return Math.round(metrics.find("karaul.processor.items").counters().stream()
                .filter(c -> !"dead.letter".equals(c.getId().getTag("outcome"))).mapToDouble(Counter::count).sum());
    }

    private long sum(String counter) {
        return Math.round(metrics.find(counter).counters().stream().mapToDouble(Counter::count).sum());
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        developments.close();
    }
}
