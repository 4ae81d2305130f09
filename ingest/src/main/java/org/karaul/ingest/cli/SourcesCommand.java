package org.karaul.ingest.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.karaul.config.Settings;
import org.karaul.ingest.IngestConfig;
import org.karaul.ingest.check.CheckResult;
import org.karaul.ingest.check.CheckTable;
import org.karaul.ingest.check.SourceCheck;
import org.karaul.ingest.fetch.FetchConfig;
import org.karaul.ingest.fetch.HttpFetcher;
import org.karaul.ingest.source.SourceSpec;
import org.karaul.ingest.source.SourcesFile;
import org.karaul.ingest.source.SourcesFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code karaul sources}: work on sources files. */
@Command(name = "sources", mixinStandardHelpOptions = true, description = "Work on sources files.",
        subcommands = {SourcesCommand.Check.class})
public final class SourcesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code karaul sources check [FILE]}: fetches each source once with ingest's fetcher (its user agent, robots.txt,
     * per-host gap, one request at a time) and prints a table; exit 1 when any source is broken.
     */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Fetch each source once, politely (ingest's user agent, robots.txt obeyed, one request at a time),",
                    "and print its status, items found, newest item, problems and robots.txt verdict.",
                    "Exit status: 0 when every source works, 1 when any is broken, 2 when the file is invalid."})
    public static final class Check implements Callable<Integer> {

        @Parameters(arity = "0..1", paramLabel = "FILE", description = "Sources file (default: the bundled list).")
        Path file;

        @Option(names = "--config", paramLabel = "FILE", description = "Ingest properties file (user agent, timeouts, "
                + "per-host gap), as for 'karaul ingest'.")
        Path config;

        @Option(names = "--host-delay", paramLabel = "DURATION", description = "Least gap between two requests to one host "
                + "(default: ingest.http.host.delay, 2s).")
        String hostDelay;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<SourceSpec> specs;
            try {
                specs = SourcesFile.loadOrDefault(file);
            } catch (SourcesFileException e) {
                spec.commandLine().getErr().println("karaul sources check: " + e.getMessage());
                return 2;
            }
            IngestConfig cfg = IngestConfig.from(Settings.load(IngestConfig.DEFAULTS, config, System.getenv()));
            Duration gap = hostDelay == null ? cfg.hostDelay() : Settings.parseDuration("--host-delay", hostDelay, "the command line");
            HttpFetcher fetcher = new HttpFetcher(FetchConfig.defaults().withUserAgent(cfg.userAgent())
                    .withReadTimeout(cfg.httpTimeout()).withMaxBodyBytes(cfg.maxBodyBytes()).withHostDelay(gap)
                    .withRobots(true));
            CheckTable table = new CheckTable(out);
            out.println("Checking " + specs.size() + " sources from " + (file == null ? "the bundled list" : file)
                    + " as '" + cfg.userAgent() + "' …");
            table.header();
            List<CheckResult> results = new SourceCheck(fetcher).run(specs, table::row);
            table.summary(results);
            return results.stream().anyMatch(CheckResult::broken) ? 1 : 0;
        }
    }
}
