package org.karaul.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.karaul.alerts.AlertsConfig;
import org.karaul.alerts.webhook.Redrive;
import org.karaul.config.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code karaul webhooks}: tools for webhook subscriptions. */
@Command(name = "webhooks", mixinStandardHelpOptions = true, description = "Tools for webhook subscriptions.",
        subcommands = {WebhooksCommand.RedriveCommand.class, CommandLine.HelpCommand.class})
public final class WebhooksCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code karaul webhooks redrive --subscription ID}. */
    @Command(name = "redrive", mixinStandardHelpOptions = true,
            description = {"Re-deliver a subscription's dead letters from karaul.webhooks.dlq, in order, with their",
                    "delivery ids, to its current URL. Stops at the first failure; a rerun goes on from there and",
                    "sends only dead letters not redelivered before. Settings as for 'karaul alerts'."})
    static final class RedriveCommand implements Callable<Integer> {
        @Option(names = "--subscription", required = true, paramLabel = "ID", description = "The subscription id.")
        String subscription;

        @Option(names = "--config", paramLabel = "FILE", description = "Properties file overriding the alerts defaults.")
        Path config;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            AlertsConfig cfg = AlertsConfig.from(Settings.load(AlertsConfig.DEFAULTS, config, System.getenv()));
            Redrive.Result result = Redrive.run(cfg.kafka(), cfg.webhookSettings(), subscription, new SimpleMeterRegistry());
            spec.commandLine().getOut().println("redelivered " + result.delivered() + " dead letter(s) of subscription "
                    + subscription);
            if (result.failure() != null) {
                spec.commandLine().getErr().println("karaul webhooks redrive: stopped: " + result.failure()
                        + "; run again to go on from there");
                return 1;
            }
            return 0;
        }
    }
}
