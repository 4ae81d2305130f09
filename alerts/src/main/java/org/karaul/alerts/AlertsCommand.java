package org.karaul.alerts;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.karaul.config.Settings;
import org.karaul.ops.Lifecycle;
import org.karaul.ops.Metrics;
import org.karaul.ops.OpsServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code karaul alerts}: runs the alerts service alone against any broker until SIGINT or SIGTERM. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Publish alerts (CloudEvents) to karaul.alerts when developments open or escalate past the alert rules,",
                "and deliver alerts to the configured sinks.",
                "Settings: alerts-defaults.properties in the jar, then --config FILE, then KARAUL_* environment variables."})
public final class AlertsCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file overriding the defaults.")
    Path config;

    @Override
    public Integer call() throws Exception {
        AlertsConfig cfg = AlertsConfig.from(Settings.load(AlertsConfig.DEFAULTS, config, System.getenv()));
        Lifecycle life = new Lifecycle();
        PrometheusMeterRegistry metrics = Metrics.prometheus();
        OpsServer ops = cfg.opsPort() < 0 ? null : life.add("ops", OpsServer.start(cfg.opsHost(), cfg.opsPort(), metrics));
        life.add("alerts", AlertsApp.start(cfg, metrics, ops, List.of()));
        life.awaitSignal();
        return 0;
    }
}
