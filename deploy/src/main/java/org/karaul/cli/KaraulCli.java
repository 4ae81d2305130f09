package org.karaul.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.karaul.alerts.AlertsCommand;
import org.karaul.alerts.RulesCommand;
import org.karaul.backtest.BacktestCommand;
import org.karaul.export.ExportCommand;
import org.karaul.ingest.IngestCommand;
import org.karaul.ingest.cli.ExtractCommand;
import org.karaul.ingest.cli.ParseFeedCommand;
import org.karaul.ingest.cli.SourcesCommand;
import org.karaul.loadtest.LoadtestCommand;
import org.karaul.processor.ProcessCommand;
import org.karaul.processor.cli.ClassifyCommand;
import org.karaul.processor.cli.EvalCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code karaul.jar}.
 *
 * <p>The subcommands are listed once, in {@link #SUBCOMMANDS}, by name. A start that names one builds only that
 * one's command model: picocli builds a model for every command it is given, and the whole tree (16 commands with
 * their options and mixins) was the largest single part of a service's start-up on the main thread, paid again at
 * every restart after a crash. Help, a mistyped name and the tests get the whole tree.
 */
@Command(name = "karaul", mixinStandardHelpOptions = true, version = "karaul 0.1.0",
        description = {"Karaul: a Kafka-native OSINT monitor for security in Central Asia.",
                "Crawlers feed karaul.items.raw; the processor classifies into karaul.items.classified;",
                "the alerts service publishes karaul.alerts and delivers them."})
public final class KaraulCli implements Runnable {
    /** Every subcommand by its name, in the order help lists them. */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /** The configured command line with every subcommand, shared by the tests. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /** The configured command line for {@code args}: only their subcommand when they name one, else all of them. */
    static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new KaraulCli());
        Supplier<Object> named = args.length == 0 ? null : SUBCOMMANDS.get(args[0]);
        if (named != null) {
            cli.addSubcommand(args[0], named.get());
        } else {
            SUBCOMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
            cli.addSubcommand("help", new CommandLine.HelpCommand());
        }
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("karaul " + cmd.getCommandName() + ": " + e.getMessage());
            return 2;
        });
        return cli;
    }

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("run", RunCommand::new);
        all.put("demo", DemoCommand::new);
        all.put("ingest", IngestCommand::new);
        all.put("process", ProcessCommand::new);
        all.put("alerts", AlertsCommand::new);
        all.put("webhooks", WebhooksCommand::new);
        all.put("broker", BrokerCommand::new);
        all.put("health", HealthCommand::new);
        all.put("classify", ClassifyCommand::new);
        all.put("eval", EvalCommand::new);
        all.put("extract", ExtractCommand::new);
        all.put("parse-feed", ParseFeedCommand::new);
        all.put("sources", SourcesCommand::new);
        all.put("export", ExportCommand::new);
        all.put("rules", RulesCommand::new);
        all.put("backtest", BacktestCommand::new);
        all.put("loadtest", LoadtestCommand::new);
        return Collections.unmodifiableMap(all);
    }
}
