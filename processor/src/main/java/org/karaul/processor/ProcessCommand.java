package org.karaul.processor;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.karaul.config.Settings;
import org.karaul.ops.Lifecycle;
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
        return Lifecycle.runService("processor", cfg.opsHost(), cfg.opsPort(), (metrics, ops) -> ProcessorApp.start(cfg, metrics, ops));
    }
}
