package org.karaul.alerts;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.karaul.alerts.precision.Judged;
import org.karaul.alerts.precision.RulePrecision;
import org.karaul.config.Settings;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.Triage;
import org.karaul.contract.kafka.Json;
import org.karaul.contract.kafka.Topics;
import org.karaul.streams.ClientProperties;
import org.karaul.topics.TopicSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code karaul rules report}: each alert rule's and category's precision as the desk's triage marks judge it, worst
 * first, with the false alarms behind the worst. Reads {@code karaul.alerts} and {@code karaul.feedback} to their
 * ends without a consumer group, so the live pipeline never sees it; nothing is changed.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Report on the alert rules from the desk's triage marks.",
        subcommands = RulesCommand.Report.class)
public final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Each rule's and category's alerts, triage marks and precision (Wilson 95% interval), worst"
                    + " first, with examples of false alarms.")
    static final class Report implements Callable<Integer> {
        @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers (default from the settings)")
        String bootstrap;

        @Option(names = "--json", paramLabel = "FILE", description = "also write the report as JSON here")
        Path json;

        @Option(names = "--config", paramLabel = "FILE", description = "properties file overriding alerts-defaults.properties")
        Path config;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            AlertsConfig cfg = AlertsConfig.from(Settings.load(AlertsConfig.DEFAULTS, config, System.getenv()));
            Properties kafka = ClientProperties.from(cfg.kafka()).bootstrap(bootstrap).build();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            RulePrecision precision = read(kafka, err);
            print(out, "rule", precision.byRule());
            out.println();
            print(out, "category", precision.byCategory());
            out.flush();
            if (json != null) {
                Files.writeString(json, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(precision.json()) + "\n");
            }
            err.printf(Locale.ROOT, "karaul rules report: %d marked development(s)%s%n", precision.marked(),
                    json == null ? "" : ", JSON in " + json);
            err.flush();
            return 0;
        }

        static RulePrecision read(Properties kafka, PrintWriter err) {
            RulePrecision p = new RulePrecision();
            java.time.Duration timeout = java.time.Duration.ofSeconds(60);
            long[] skipped = new long[1];
            TopicSnapshot.read(kafka, Topics.ALERTS, "karaul-rules-report", timeout, new TopicSnapshot.Records<>() {
                @Override
                public void read(String key, AlertEvent alert) {
                    if (alert != null) {
                        p.alert(alert);
                    }
                }

                @Override
                public void unreadable(String where, RuntimeException problem) {
                    skipped[0]++;
                }
            });
            TopicSnapshot.read(kafka, Topics.FEEDBACK, "karaul-rules-report", timeout, new TopicSnapshot.Records<>() {
                @Override
                public void read(String key, Triage mark) {
                    if (mark != null) {
                        p.mark(mark);
                    } else if (key != null) {
                        p.cleared(key);
                    }
                }

                @Override
                public void unreadable(String where, RuntimeException problem) {
                    skipped[0]++;
                }
            });
            if (skipped[0] > 0) {
                err.println("karaul rules report: skipped " + skipped[0] + " unreadable record(s)");
            }
            return p;
        }

        static void print(PrintWriter out, String what, List<Judged> rows) {
            out.printf(Locale.ROOT, "%-40s %6s %6s %6s %6s %6s %6s  %s%n", what, "alerts", "devs", "conf", "handl",
                    "false", "dup", "precision [95% interval]");
            rows.forEach(j -> out.println(j.row()));
            for (Judged j : rows) {
                for (Judged.Example e : j.falseAlarms()) {
                    out.printf(Locale.ROOT, "  false alarm of %s: %s (%s)%s%s%n", j.name(), e.title(), e.developmentId(),
                            e.terms().isEmpty() ? "" : "; fired on " + String.join(", ", e.terms()),
                            e.note() == null ? "" : "; note: " + e.note());
                }
            }
        }
    }
}
