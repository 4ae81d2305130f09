package org.karaul.alerts;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.karaul.config.Settings;
import org.karaul.ops.Lifecycle;
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
        return Lifecycle.runService("alerts", cfg.opsHost(), cfg.opsPort(),
                (metrics, ops) -> AlertsApp.start(cfg, metrics, ops, List.of()));
    }
}
