package org.karaul.backtest;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import org.karaul.alerts.AlertsConfig;
import org.karaul.alerts.develop.GroupingRules;
import org.karaul.alerts.rules.AlertRules;
import org.karaul.config.Settings;
import org.karaul.contract.Triage;
import org.karaul.contract.kafka.Json;
import org.karaul.contract.kafka.Topics;
import org.karaul.processor.ProcessorConfig;
import org.karaul.processor.classify.Classifiers;
import org.karaul.processor.classify.TaxonomyClassifier;
import org.karaul.topics.TopicSnapshot;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code karaul backtest}: replays retained raw items through a candidate taxonomy (and optionally candidate alert and
 * grouping rules) next to the deployed ones and prints what would change. Reads {@code karaul.items.raw} and
 * {@code karaul.feedback} once without a consumer group, or a JSONL file; commits nothing and writes nothing to
 * Kafka.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Replays retained raw items through a candidate taxonomy and rules next to the deployed ones,"
                + " offline, and prints the difference: label changes with their evidence, developments and alerts"
                + " gained and lost, counts per category and rule, and each rule's precision under the triage marks.",
                "Nothing is committed or written to Kafka."})
public final class BacktestCommand implements Callable<Integer> {
    @Option(names = "--taxonomy", paramLabel = "DIR", required = true,
            description = "candidate taxonomy directory (laid out like the bundled taxonomy/)")
    Path taxonomy;

    @Option(names = "--rules", paramLabel = "FILE", description = "candidate alert rules (default: the deployed ones)")
    Path rules;

    @Option(names = "--grouping", paramLabel = "FILE", description = "candidate grouping rules (default: the deployed ones)")
    Path grouping;

    @ArgGroup(exclusive = true)
    Span span;

    /** {@code --since} or {@code --from}/{@code --to}, not both. */
    static final class Span {
        @Option(names = "--since", paramLabel = "DURATION", description = "items of the last DURATION (7d, 12h, …)")
        String since;

        @ArgGroup(exclusive = false)
        Range range;
    }

    /** An explicit window of item time. */
    static final class Range {
        @Option(names = "--from", paramLabel = "T", description = "earliest item time (ISO-8601, e.g. 2026-11-20T00:00:00Z)")
        String from;

        @Option(names = "--to", paramLabel = "T", description = "latest item time (ISO-8601)")
        String to;
    }

    @Option(names = "--items", paramLabel = "FILE.jsonl",
            description = "replay these raw items instead of karaul.items.raw (raw items, or a labelled set's items)")
    Path items;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default from the settings); with --items, only for the triage marks")
    String bootstrap;

    @Option(names = "--processor-config", paramLabel = "FILE",
            description = "the deployed processor's properties (taxonomy, Kafka); defaults when absent")
    Path processorConfig;

    @Option(names = "--alerts-config", paramLabel = "FILE",
            description = "the deployed alerts service's properties (grouping and alert rules); defaults when absent")
    Path alertsConfig;

    @Option(names = "--reserved", paramLabel = "FILE", defaultValue = "../shared/eval/reserved-ids.txt",
            description = "ids never replayed (default: ${DEFAULT-VALUE}, when present)")
    Path reserved;

    @Option(names = "--json", paramLabel = "OUT", description = "also write the difference as JSON here")
    Path json;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s",
            description = "how long to wait for a topic's end (default: ${DEFAULT-VALUE})")
    String timeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Map<String, String> env = System.getenv();
        ProcessorConfig processor = ProcessorConfig.from(Settings.load(ProcessorConfig.DEFAULTS, processorConfig, env));
        AlertsConfig alerts = AlertsConfig.from(Settings.load(AlertsConfig.DEFAULTS, alertsConfig, env));
        Properties kafka = new Properties();
        kafka.putAll(processor.kafka());
        if (bootstrap != null) {
            kafka.put("bootstrap.servers", bootstrap);
        }
        Duration wait = Settings.parseDuration("--timeout", timeout, "command line");
        RawItems.Window window = window(Instant.now());
        Set<String> reservedIds = RawItems.reserved(reserved);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        long started = System.nanoTime();
        RawItems.Read read = items != null ? RawItems.fromFile(items, window, reservedIds)
                : RawItems.fromTopic(kafka, window, reservedIds, wait);
        Map<String, Triage> marks = items != null && bootstrap == null ? Map.of() : marks(kafka, wait);
        long loaded = System.nanoTime();

        GroupingRules deployedGrouping = GroupingRules.load(alerts.groupingRulesPath());
        AlertRules deployedRules = AlertRules.load(alerts.rulesPath());
        Run deployed;
        Run candidate;
        long compiled;
        try (TaxonomyClassifier before = Classifiers.load(processor.taxonomyPath());
             TaxonomyClassifier after = Classifiers.load(taxonomy)) {
            compiled = System.nanoTime();
            Duration tick = alerts.developmentsPunctuate();
            deployed = new Replay(before, deployedGrouping, deployedRules, tick).run(read.items());
            candidate = new Replay(after, grouping == null ? deployedGrouping : GroupingRules.load(grouping),
                    rules == null ? deployedRules : AlertRules.load(rules), tick).run(read.items());
        }
        Difference difference = Difference.between(deployed, candidate, marks);
        long replayed = System.nanoTime();

        ReportWriter.print(out, difference);
        out.flush();
        if (json != null) {
            Files.writeString(json, Json.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(ReportWriter.json(difference)) + "\n");
        }
        double seconds = (replayed - compiled) / 1e9;
        err.printf(Locale.ROOT, "karaul backtest: %d item(s) replayed twice in %.2f s (%.0f items/s); items read in %.2f s,"
                        + " taxonomies compiled in %.2f s; left out %d outside the window, %d unreadable, %d reserved%s%n",
                read.items().size(), seconds, read.items().size() / Math.max(seconds, 1e-9), (loaded - started) / 1e9,
                (compiled - loaded) / 1e9, read.outsideWindow(), read.unreadable(), read.reserved(),
                json == null ? "" : "; JSON in " + json);
        err.flush();
        return 0;
    }

    private RawItems.Window window(Instant now) {
        if (span == null) {
            return new RawItems.Window(null, null);
        }
        if (span.since != null) {
            return new RawItems.Window(now.minus(Settings.parseDuration("--since", span.since, "command line")), null);
        }
        Instant from = instant("--from", span.range.from);
        Instant to = instant("--to", span.range.to);
        if (from != null && to != null && to.isBefore(from)) {
            throw new ParameterException(spec.commandLine(), "--to " + to + " is before --from " + from);
        }
        return new RawItems.Window(from, to);
    }

    private Instant instant(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + " must be an ISO-8601 instant such as"
                    + " 2026-11-20T00:00:00Z, not '" + text + "'");
        }
    }

    /** Every development's latest triage mark on {@code karaul.feedback} (a tombstone clears one). */
    static Map<String, Triage> marks(Properties kafka, Duration timeout) {
        Map<String, Triage> marks = new HashMap<>();
        TopicSnapshot.read(kafka, Topics.FEEDBACK.name(), "karaul-backtest", timeout, r -> {
            if (r.value() == null) {
                if (r.key() != null) {
                    marks.remove(r.key());
                }
                return;
            }
            try {
                Triage t = Topics.FEEDBACK.valueSerde().deserializer().deserialize(r.topic(), r.value());
                marks.put(t.developmentId(), t);
            } catch (RuntimeException e) {
                // an unreadable mark judges nothing; the desk skips it the same way
            }
        });
        return marks;
    }
}
