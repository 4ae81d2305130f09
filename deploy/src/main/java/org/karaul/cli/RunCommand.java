package org.karaul.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.karaul.config.ConfigException;
import org.karaul.config.Settings;
import org.karaul.ingest.source.SourceSpec;
import org.karaul.ingest.source.SourcesFileException;
import org.karaul.local.LocalOptions;
import org.karaul.local.LocalPipeline;
import org.karaul.local.SourceList;
import org.karaul.local.StatusLine;
import org.karaul.ops.Lifecycle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code karaul run}: the real monitor on one machine — the embedded broker (or a given cluster), ingest over the
 * bundled source list, processor, alerts, desk page, metrics and health — resuming where the last run stopped.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the monitor on this machine: an embedded Kafka broker (KRaft) keeping its data in .karaul/run,",
                "ingest over the bundled list of the region's outlets and channels, processor, alerts, desk page,",
                "metrics and health. Resumes after a stop or a crash: nothing alerted twice, nothing missed.",
                "Prints each alert and, once a minute, a status line. Ctrl-C stops everything."})
public final class RunCommand implements Callable<Integer> {

    @Mixin
    final LocalPipelineOptions shared = new LocalPipelineOptions(19192, 19193, 18180);

    @Option(names = "--sources", paramLabel = "FILE", description = "Poll the sources in FILE instead of the bundled list "
            + "(format: ingest/INGEST.md).")
    Path sources;

    @Option(names = "--add-sources", paramLabel = "FILE", description = "Poll the sources in FILE as well (repeatable).")
    List<Path> addSources = new ArrayList<>();

    @Option(names = "--host-delay", defaultValue = "2s", description = "Least gap between two requests to one host; "
            + "a robots.txt Crawl-delay can raise it (default: ${DEFAULT-VALUE}).")
    String hostDelay;

    @Option(names = "--status-interval", defaultValue = "1m", description = "How often the status line is printed "
            + "(default: ${DEFAULT-VALUE}).")
    String statusInterval;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Path dir = shared.dataDir("run");
        Duration delay = positive("--host-delay", hostDelay);
        Duration every = positive("--status-interval", statusInterval);
        List<SourceSpec> specs;
        try {
            specs = SourceList.write(sources, addSources, dir.resolve("sources.yaml"));
        } catch (SourcesFileException e) {
            throw new IllegalArgumentException("bad source list: " + e.getMessage(), e);
        }
        String token = shared.webhookToken();
        LocalOptions options = shared.local("run", dir, false, token, delay, true, false);
        Lifecycle life = new Lifecycle();
        try {
            LocalPipeline pipeline = LocalPipeline.open(options, life, out);
            pipeline.start(dir.resolve("sources.yaml"));
            life.add("status line", StatusLine.start(pipeline.metrics(), pipeline.kafka(), out, every));
            out.println();
            out.println("Karaul running: " + specs.size() + " sources" + (sources == null ? " (bundled list)" : " from " + sources)
                    + (addSources.isEmpty() ? "" : " plus " + addSources) + ". Kafka at " + pipeline.servers()
                    + "; state in " + dir);
            out.println("Desk page: " + pipeline.deskUrl());
            out.println("Metrics: " + pipeline.ops().url("/metrics") + "   Health: " + pipeline.ops().url("/health"));
            out.println("Webhook API token: " + token);
            out.println("Alerts appear below as they arrive, with a status line every " + statusInterval
                    + ". Ctrl-C stops; the next run resumes.");
            out.println();
        } catch (Exception e) {
            life.closeAll();
            throw e;
        }
        life.awaitSignal();
        return 0;
    }

    private static Duration positive(String option, String value) {
        Duration d = Settings.parseDuration(option, value, "the command line");
        if (d.isNegative() || d.isZero()) {
            throw new ConfigException(option, "the command line", "must be positive: '" + value + "'");
        }
        return d;
    }
}
