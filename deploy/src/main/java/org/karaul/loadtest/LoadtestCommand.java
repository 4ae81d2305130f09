package org.karaul.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.karaul.alerts.AlertsConfig;
import org.karaul.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code karaul loadtest}: measures the streaming core under a realistic feed; see {@code deploy/LOADTEST.md}. */
@Command(name = "loadtest", mixinStandardHelpOptions = true,
        description = {"Feed realistic raw items through processor and alerts (each in a JVM of its own) on an embedded",
                "broker, and report throughput at saturation next to an exactly-once pass-through application, latency",
                "per stage from broker append times, consumer lag, and peak RSS and CPU per process."})
public final class LoadtestCommand implements Callable<Integer> {
    /** Where the default items come from, relative to the project: the corpus written for the project (tuning fold). */
    static final Path CORPUS = Path.of("processor", "src", "test", "resources", "corpus", "written-tune.jsonl");

    @Option(names = "--rate", paramLabel = "N", defaultValue = "1000", description = "Items per second in the steady feed (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--duration", paramLabel = "D", defaultValue = "60s", description = "How long the steady feed lasts: 60s, 2m (default ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--items", paramLabel = "FILE.jsonl", description = {"Stories to build items from: labelled items (id, title, text, lang, gold.relevant)",
            "or raw items; default: the project's written corpus (" + "processor/src/test/resources/corpus/written-tune.jsonl)."})
    Path items;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Use this broker instead of an embedded one (its karaul.* topics must be new or use LogAppendTime).")
    String bootstrap;

    @Option(names = "--saturate", paramLabel = "N", defaultValue = "50000", description = "Backlog items written before the services start (default ${DEFAULT-VALUE}).")
    int saturate;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "20000", description = {"Items written before the backlog that the processor and the pass-through",
            "application work through before their rates are counted, so neither is measured while its JIT compiles (default ${DEFAULT-VALUE})."})
    int warmup;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Stream threads of the processor and of the pass-through application (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--alerts-instances", paramLabel = "N", defaultValue = "1", description = {"Alerts services run side by side under one",
            "application id, sharing the grouping's partitions (default ${DEFAULT-VALUE}); the report lists what each groups."})
    int alertsInstances;

    @Option(names = "--report", paramLabel = "FILE", description = "Where to write the report (default: report.txt in the working directory).")
    Path report;

    @Option(names = "--dir", paramLabel = "DIR", description = "Working directory: broker data, state, configs, logs (default .karaul/loadtest "
            + "under the launcher's project, else target/loadtest).")
    Path dir;

    @Option(names = "--jfr", paramLabel = "DIR", description = "Record the services with Java Flight Recorder into DIR and break their CPU down.")
    Path jfr;

    @Option(names = "--drain-limit", paramLabel = "D", defaultValue = "5m", description = "How long a drain may take before the run reports without it (default ${DEFAULT-VALUE}).")
    String drainLimit;

    @Option(names = "--relevant", paramLabel = "SHARE", defaultValue = "0.2", description = {"Share of items carrying a story labelled relevant (default ${DEFAULT-VALUE});", "the classifier finds about a third of those relevant once padded."})
    double relevant;

    @Option(names = "--child-heap", paramLabel = "SIZE", defaultValue = "1g", description = "-Xmx of the service JVMs (default ${DEFAULT-VALUE}).")
    String childHeap;

    @Option(names = "--commit-interval", paramLabel = "D", defaultValue = "100ms", description = {"Streams commit interval of the processor and the pass-through application,",
            "and of the alerts service unless --alerts-commit-interval is given (default ${DEFAULT-VALUE})."})
    String commitInterval;

    @Option(names = "--alerts-commit-interval", paramLabel = "D", description = {"Streams commit interval of the alerts service",
            "(default: the alerts service's own default, alerts.commit.interval, when --commit-interval is not given; else --commit-interval)."})
    String alertsCommitInterval;

    @Spec
    CommandSpec spec;

    @Option(names = "--reserved", paramLabel = "FILE", description = "Ids never read (default ../shared/eval/reserved-ids.txt beside the project, when present).")
    Path reserved;

    /**
     * The alerts service's commit interval: the one given for it, else the one given for every service, else the
     * service's own default ({@code alerts.commit.interval} of {@code alerts-defaults.properties}).
     */
    Duration alertsCommit(Duration commit) {
        if (alertsCommitInterval != null) {
            return Settings.parseDuration("--alerts-commit-interval", alertsCommitInterval, "the command line");
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--commit-interval")) {
            return commit;
        }
        return Settings.of(AlertsConfig.DEFAULTS, Map.of()).duration("alerts.commit.interval");
    }

    @Override
    public Integer call() throws Exception {
        if (rate < 1 || saturate < 1) {
            throw new IllegalArgumentException("--rate and --saturate must be at least 1 (got " + rate + ", " + saturate + ")");
        }
        if (alertsInstances < 1) {
            throw new IllegalArgumentException("--alerts-instances must be at least 1 (got " + alertsInstances + ")");
        }
        if (warmup < 0 || threads < 1) {
            throw new IllegalArgumentException("--warmup must be 0 or more and --threads at least 1 (got " + warmup + ", " + threads + ")");
        }
        Path home = home();
        Path work = dir != null ? dir : System.getProperty("karaul.home") != null ? home.resolve(".karaul").resolve("loadtest")
                : Path.of("target", "loadtest");
        Path source = items != null ? items : home.resolve(CORPUS);
        if (!Files.isReadable(source)) {
            throw new IllegalArgumentException("cannot read the items at " + source + (items == null
                    ? " (the default needs the project checkout; give --items FILE.jsonl)" : ""));
        }
        List<ItemMix.Story> stories = ItemMix.read(source, reservedIds(reserved != null ? reserved
                : home.resolve("..").resolve("shared").resolve("eval").resolve("reserved-ids.txt")));
        Duration commit = Settings.parseDuration("--commit-interval", commitInterval, "the command line");
        Loadtest.Options options = new Loadtest.Options(rate, Settings.parseDuration("--duration", duration, "the command line"), stories,
                source.toString(), bootstrap, warmup, threads, alertsInstances, saturate, work.toAbsolutePath(), jfr == null ? null : jfr.toAbsolutePath(),
                Settings.parseDuration("--drain-limit", drainLimit, "the command line"), relevant, childHeap,
                commit, alertsCommit(commit));
        LoadtestReport result = new Loadtest(options, System.out).run();
        String text = result.render();
        Path file = report != null ? report : work.resolve("report.txt");
        Loadtest.writeReport(file, text);
        System.out.println();
        System.out.print(text);
        System.out.println("Report written to " + file.toAbsolutePath());
        return 0;
    }

    /** The project checkout: the launcher's {@code karaul.home}, else the nearest directory up holding the corpus. */
    static Path home() {
        String home = System.getProperty("karaul.home");
        if (home != null) {
            return Path.of(home);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(CORPUS))) {
                return p;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    static Set<String> reservedIds(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Set.of();
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
        }
    }
}
