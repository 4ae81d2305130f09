package org.karaul.ingest;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.karaul.config.Settings;
import org.karaul.ops.Lifecycle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code karaul ingest}: runs the crawler alone against any broker until SIGINT or SIGTERM. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Poll the configured sources and publish new or changed items to karaul.items.raw.",
                "Settings: ingest-defaults.properties in the jar, then --config FILE, then KARAUL_* environment variables."})
public final class IngestCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file overriding the defaults.")
    Path config;

    @Override
    public Integer call() throws Exception {
        IngestConfig cfg = IngestConfig.from(Settings.load(IngestConfig.DEFAULTS, config, System.getenv()));
        return Lifecycle.runService("ingest", cfg.opsHost(), cfg.opsPort(), (metrics, ops) -> IngestApp.start(cfg, metrics, ops));
    }
}
