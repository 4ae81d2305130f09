package org.karaul.cli;

import org.karaul.alerts.AlertsCommand;
import org.karaul.alerts.RulesCommand;
import org.karaul.backtest.BacktestCommand;
import org.karaul.export.ExportCommand;
import org.karaul.ingest.IngestCommand;
import org.karaul.ingest.cli.ExtractCommand;
import org.karaul.ingest.cli.ParseFeedCommand;
import org.karaul.ingest.cli.SourcesCommand;
import org.karaul.processor.ProcessCommand;
import org.karaul.processor.cli.ClassifyCommand;
import org.karaul.processor.cli.EvalCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code karaul.jar}. */
@Command(name = "karaul", mixinStandardHelpOptions = true, version = "karaul 0.1.0",
        description = {"Karaul: a Kafka-native OSINT monitor for security in Central Asia.",
                "Crawlers feed karaul.items.raw; the processor classifies into karaul.items.classified;",
                "the alerts service publishes karaul.alerts and delivers them."},
        subcommands = {RunCommand.class, DemoCommand.class, IngestCommand.class, ProcessCommand.class, AlertsCommand.class,
                WebhooksCommand.class, BrokerCommand.class, HealthCommand.class, ClassifyCommand.class, EvalCommand.class,
                ExtractCommand.class, ParseFeedCommand.class, SourcesCommand.class, ExportCommand.class, RulesCommand.class,
                BacktestCommand.class, org.karaul.loadtest.LoadtestCommand.class,
                CommandLine.HelpCommand.class})
public final class KaraulCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@code main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new KaraulCli());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("karaul " + cmd.getCommandName() + ": " + e.getMessage());
            return 2;
        });
        return cli;
    }
}
