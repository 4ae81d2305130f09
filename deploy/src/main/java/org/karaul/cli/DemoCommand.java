package org.karaul.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.karaul.local.LocalOptions;
import org.karaul.local.LocalPipeline;
import org.karaul.ops.Lifecycle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code karaul demo}: the whole pipeline in one process — a real Kafka broker, the bundled sample sources on a
 * loopback port, ingest, processor and alerts — printing each alert as it arrives.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline locally: an embedded Kafka broker (KRaft), bundled sample sources on",
                "loopback, ingest, processor and alerts; print each alert as one line. Ctrl-C stops everything.",
                "By default each run starts from a clean state; --resume keeps the previous run's broker data."})
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    final LocalPipelineOptions shared = new LocalPipelineOptions(19092, 19093, 18080);

    @Option(names = "--resume", description = "Keep the previous run's state (broker data, offsets, seen URLs) "
            + "instead of starting clean. With --bootstrap, a clean start deletes the karaul.* topics on that broker.")
    boolean resume;

    @Option(names = "--site-port", defaultValue = "0", description = "Port of the sample sources site (default: a free port).")
    int sitePort;

    @Option(names = "--poll-interval", defaultValue = "30s", description = "How often the sample sources are polled (default: ${DEFAULT-VALUE}).")
    String pollInterval;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Path dir = shared.dataDir("demo");
        String token = shared.webhookToken();
        // the demo's subscribers are on this machine, so loopback receivers are allowed; its own site is polled often
        LocalOptions options = shared.local("demo", dir, !resume, token, Duration.ofMillis(50), true, true);
        Lifecycle life = new Lifecycle();
        try {
            LocalPipeline pipeline = LocalPipeline.open(options, life, out);
            SampleSite site = life.add("sample site", SampleSite.start(sitePort));
            pipeline.start(writeSources(dir, site.baseUrl()));
            out.println();
            out.println("Karaul demo running (" + (resume ? "resumed" : "clean start") + "). Kafka at " + pipeline.servers()
                    + "; sample sources at " + site.baseUrl() + "/");
            out.println("Desk page: " + pipeline.deskUrl());
            out.println("Metrics: " + pipeline.ops().url("/metrics") + "   Health: " + pipeline.ops().url("/health"));
            out.println("Webhook API token: " + token + "   (subscribe: see README, 'Webhooks')");
            out.println("Alerts appear below as they arrive. Ctrl-C stops everything.");
            out.println();
        } catch (Exception e) {
            life.closeAll();
            throw e;
        }
        life.awaitSignal();
        return 0;
    }

    private Path writeSources(Path dir, String base) throws IOException {
        Files.createDirectories(dir);
        String every = "interval: " + pollInterval + ", minInterval: " + pollInterval;
        String yaml = String.join("\n",
                "# Written by karaul demo: the bundled sample sources, served on loopback. Format: ingest/INGEST.md.",
                "sources:",
                "  - {id: steppe-wire, type: rss, url: '" + base + "/en/feed.xml', " + every + ", lang: en, grade: B}",
                "  - {id: vesti-fergany, type: rss, url: '" + base + "/ru/feed.xml', " + every + ", lang: ru, grade: C}",
                "  - {id: pamir-herald, type: html, url: '" + base + "/news/', " + every + ", lang: en, grade: C,",
                "     selectors: {links: 'ul.headlines a.story'}}",
                "  - {id: karaul-sample-tg, type: telegram, url: '" + base + "/telegram/s/karaul_sample.html', " + every
                        + ", lang: ru, grade: D}",
                "  - {id: border-review, type: pdf, url: '" + base + "/reports/sughd-review-2026-11.pdf', " + every
                        + ", lang: en, grade: B}",
                "");
        Path file = dir.resolve("sources.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}
