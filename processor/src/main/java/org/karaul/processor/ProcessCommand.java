package org.karaul.processor;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.karaul.config.Settings;
import org.karaul.ops.Lifecycle;
import org.karaul.ops.Metrics;
import org.karaul.ops.OpsServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code karaul process}: runs the classifier stream alone against any broker until SIGINT or SIGTERM. */
@Command(name = "process", mixinStandardHelpOptions = true,
        description = {"Classify every item of karaul.items.raw into karaul.items.classified (exactly once);",
                "unreadable records go to karaul.items.raw.dlq with the reason in headers.",
                "Settings: processor-defaults.properties in the jar, then --config FILE, then KARAUL_* environment variables."})
public final class ProcessCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file overriding the defaults.")
    Path config;

    @Override
    public Integer call() throws Exception {
        ProcessorConfig cfg = ProcessorConfig.from(Settings.load(ProcessorConfig.DEFAULTS, config, System.getenv()));
        Lifecycle life = new Lifecycle();
        PrometheusMeterRegistry metrics = Metrics.prometheus();
        OpsServer ops = cfg.opsPort() < 0 ? null : life.add("ops", OpsServer.start(cfg.opsHost(), cfg.opsPort(), metrics));
        life.add("processor", ProcessorApp.start(cfg, metrics, ops));
        life.awaitSignal();
        return 0;
    }
}
