package org.karaul.loadtest;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.TopicPartition;
import org.karaul.contract.SourceOffset;
import org.karaul.contract.kafka.Topics;
import org.karaul.kafka.embedded.EmbeddedKafka;

/**
 * One load test, phase by phase: the broker and topics; a backlog written before the services start and the time
 * they take to drain it; the same backlog through the pass-through application; a steady feed at the asked rate
 * and the time to drain it; then an audit of the raw, classified and dead-letter topics and the report. Every wait has
 * a deadline and checks that the child JVMs are alive.
 */
final class Loadtest {
    private static final String PROCESSOR_ID = "karaul-loadtest-processor";
    private static final String ALERTS_ID = "karaul-loadtest-alerts";

    /**
     * @param rate          steady feed, items per second
     * @param duration      how long the steady feed lasts
     * @param stories       the pool of stories the items are built from, and where it came from
     * @param bootstrap     a broker to use, or null for an embedded one
     * @param warmup        items written before the backlog that the processor and the pass-through application
     *                      work through before their saturation rate is counted, 0 or more
     * @param threads       stream threads of the processor and of the pass-through application
     * @param alertsInstances alerts services run side by side under one application id, at least 1
     * @param saturate      backlog items, at least 1 (the services start once it is written)
     * @param dir           working directory: broker data, service state, configs, logs
     * @param jfr           directory for flight recordings of the services, or null for none
     * @param drainLimit    how long each drain may take before the run goes on without it
     * @param relevantShare share of items carrying a relevant story
     * @param childHeap     the child JVMs' -Xmx
     * @param commitInterval the processor's and the pass-through application's Streams commit interval
     * @param alertsCommitInterval the alerts service's Streams commit interval
     */
    record Options(int rate, Duration duration, List<ItemMix.Story> stories, String itemsFrom, String bootstrap, int warmup, int threads,
                   int alertsInstances, int saturate,
                   Path dir, Path jfr, Duration drainLimit, double relevantShare, String childHeap, Duration commitInterval,
                   Duration alertsCommitInterval) {
    }

    private final Options o;
    private final PrintStream out;
    private final Ledger ledger = new Ledger();

    Loadtest(Options options, PrintStream out) {
        this.o = options;
        this.out = out;
    }

    LoadtestReport run() throws Exception {
        double loadBefore = ProcessUsage.loadAverage();
        EmbeddedKafka.deleteRecursively(o.dir.resolve("state"));
        EmbeddedKafka broker = null;
        String servers = o.bootstrap;
        if (servers == null) {
            EmbeddedKafka.deleteRecursively(o.dir.resolve("kafka"));
            out.println("Starting an embedded Kafka broker (KRaft) in " + o.dir.resolve("kafka") + " …");
            broker = EmbeddedKafka.start(o.dir.resolve("kafka"), EmbeddedKafka.freePort(), EmbeddedKafka.freePort(), true);
            servers = broker.bootstrapServers();
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (AutoCloseable b = broker == null ? () -> { } : broker) {
            PipelineTopics.create(servers);
            return measure(servers, run, loadBefore);
        }
    }

    private LoadtestReport measure(String servers, String run, double loadBefore) throws Exception {
        List<List<ItemMix.Story>> halves = ItemMix.halves(o.stories);
        ItemMix backlogMix = new ItemMix(halves.get(0), o.relevantShare, run + "-backlog", 42);
        ItemMix mix = new ItemMix(halves.get(1), o.relevantShare, run + "-feed", 43);
        List<LagMonitor.Watched> stages = List.of(
                new LagMonitor.Watched("classify", PROCESSOR_ID, Topics.ITEMS_RAW.name()),
                new LagMonitor.Watched("alerts (grouping)", ALERTS_ID, Topics.ITEMS_CLASSIFIED.name()));
        List<ServiceJvm> services = new ArrayList<>();
        try (LatencyCollector collector = new LatencyCollector(servers, ledger);
             LagMonitor lag = new LagMonitor(servers, stages);
             Feeder feeder = new Feeder(servers, ledger)) {
            out.printf("Writing %,d warm-up items and a backlog of %,d items …%n", o.warmup, o.saturate);
            feeder.backlog(backlogMix, o.warmup + o.saturate);
            double selfBefore = ProcessUsage.selfCpuSeconds();
            services.add(service("processor", servers, "process"));
            for (int i = 1; i <= o.alertsInstances; i++) {
                services.add(service(i == 1 ? "alerts" : "alerts-" + i, servers, "alerts"));
            }
            out.println("Services started; waiting for them to drain the warm-up and the backlog …");
            double[] cpuStart = warmedUp(() -> backlogDone(collector), services);
            awaitDrained(lag, collector, services);
            double[] cpuSaturated = cpu(services);
            double selfSaturated = ProcessUsage.selfCpuSeconds();
            LoadtestReport.ProcessUse passThrough = passThrough(servers, run, collector);

            out.printf("Feeding %d items/s for %d s …%n", o.rate, o.duration.toSeconds());
            lag.resetMax();
            double[] cpuFeedStart = cpu(services);
            double selfFeedStart = ProcessUsage.selfCpuSeconds();
            Feeder.Fed fed = feeder.steady(mix, o.rate, o.duration);
            double loadAfter = ProcessUsage.loadAverage();
            List<String> members = members(servers);
            long feedEnd = System.nanoTime();
            out.println("Feed done; waiting for the pipeline to drain …");
            boolean drained = awaitDrained(lag, collector, services);
            long drainedMs = drained ? Duration.ofNanos(System.nanoTime() - feedEnd).toMillis() : -1;
            double[] cpuEnd = cpu(services);
            double selfEnd = ProcessUsage.selfCpuSeconds();
            LoadtestReport.Audit audit = audit(servers);

            List<LoadtestReport.Lag> lags = stages.stream().map(w -> new LoadtestReport.Lag(w.stage(), w.group(), w.topic(),
                    lag.max(w), lag.now(w))).toList();
            List<LoadtestReport.ProcessUse> uses = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                ServiceJvm s = services.get(i);
                uses.add(new LoadtestReport.ProcessUse(s.name(), s.peakRssMb(), cpuSaturated[i] - cpuStart[i],
                        cpuEnd[i] - cpuFeedStart[i]));
            }
            uses.add(passThrough);
            uses.add(new LoadtestReport.ProcessUse("loadtest (" + (o.bootstrap == null ? "broker, " : "") + "feeder, reader)",
                    ProcessUsage.peakRssKb(ProcessHandle.current().pid()) / 1024, selfSaturated - selfBefore,
                    selfEnd - selfFeedStart));
            Map<String, Double> perItem = new java.util.LinkedHashMap<>();
            // over every item the services worked through: warm-up, backlog and feed
            services.forEach(s -> perItem.put(s.name(), s.cpuSeconds() * 1000 / (o.warmup + o.saturate + fed.items())));
            services.forEach(ServiceJvm::close);
            List<String> profile = o.jfr == null ? List.of() : CpuProfile.render(o.jfr, perItem);
            return new LoadtestReport(
                    new LoadtestReport.Setup(o.rate, o.duration.toSeconds(), o.itemsFrom, o.bootstrap == null ? "embedded " + servers
                            : servers, o.commitInterval.toMillis(), o.alertsCommitInterval.toMillis(), Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter),
                    saturation(collector), feed(fed, collector, drainedMs), stages(collector.arrivals), lags, uses,
                    audit, profile, members);
        } finally {
            services.forEach(ServiceJvm::close);
        }
    }

    /** The alerts stream's group members and the partitions of the classified topic each groups, one line each. */
    private static List<String> members(String servers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(ALERTS_ID)).all()
                    .get(30, TimeUnit.SECONDS).get(ALERTS_ID);
            return group.members().stream().map(m -> m.clientId().replace(ALERTS_ID + "-", "") + ": partitions "
                    + m.assignment().topicPartitions().stream().filter(tp -> tp.topic().equals(Topics.ITEMS_CLASSIFIED.name()))
                    .map(TopicPartition::partition).sorted().toList()).sorted().toList();
        } catch (Exception e) {
            return List.of("could not describe the group " + ALERTS_ID + ": " + e.getMessage());
        }
    }

    private ServiceJvm service(String name, String servers, String command) throws IOException {
        Path config = o.dir.resolve(name + ".properties");
        String state = o.dir.resolve("state").resolve(name).toString();
        Map<String, String> settings = name.equals("processor")
                ? Map.of("kafka.bootstrap.servers", servers, "processor.application.id", PROCESSOR_ID,
                "processor.state.dir", state, "processor.ops.port", "-1", "processor.commit.interval", o.commitInterval.toMillis() + "ms",
                "processor.threads", Integer.toString(o.threads))
                : Map.of("kafka.bootstrap.servers", servers, "alerts.application.id", ALERTS_ID,
                "alerts.dispatch.group.id", ALERTS_ID + "-dispatch", "alerts.state.dir", state, "alerts.ops.port", "-1",
                "alerts.http.port", "-1", "alerts.webhooks.enabled", "false", "alerts.commit.interval", o.alertsCommitInterval.toMillis() + "ms");
        StringBuilder text = new StringBuilder("# written by karaul loadtest\n");
        settings.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(e.getKey()).append('=').append(e.getValue().replace("\\", "\\\\")).append('\n'));
        Files.createDirectories(o.dir);
        Files.writeString(config, text);
        return ServiceJvm.start(name, o.dir.resolve(name + ".log"), jvmOptions(name), "org.karaul.cli.KaraulCli",
                List.of(command, "--config", config.toString()));
    }

    private List<String> jvmOptions(String name) throws IOException {
        List<String> options = new ArrayList<>(List.of("-Xmx" + o.childHeap, "-XX:+UseSerialGC"));
        if (o.jfr != null) {
            Files.createDirectories(o.jfr);
            Path file = o.jfr.resolve(name + ".jfr");
            Files.deleteIfExists(file);
            options.add("-XX:StartFlightRecording=filename=" + file + ",settings=profile,dumponexit=true");
        }
        return options;
    }

    private LoadtestReport.ProcessUse passThrough(String servers, String run, LatencyCollector collector) throws Exception {
        out.println("Backlog drained; the same backlog through the pass-through application …");
        ServiceJvm p = ServiceJvm.start("pass-through", o.dir.resolve("pass-through.log"), List.of("-Xmx" + o.childHeap,
                "-XX:+UseSerialGC"), PassThrough.class.getName(), List.of(servers, "karaul-loadtest-pass-through-" + run,
                o.dir.resolve("state").resolve("pass-through").toString(), Long.toString(o.commitInterval.toMillis()),
                Integer.toString(o.threads)));
        try (p) {
            double cpuStart = warmedUp(collector.copies::get, List.of(p))[0];
            await(() -> collector.copies.get() >= o.warmup + o.saturate, "the pass-through application to copy the backlog", List.of(p));
            return new LoadtestReport.ProcessUse(p.name(), p.peakRssMb(), p.cpuSeconds() - cpuStart, 0);
        }
    }

    /** Waits until {@code done} has reached the warm-up's size, then gives the CPU seconds each process has used. */
    private double[] warmedUp(java.util.function.IntSupplier done, List<ServiceJvm> processes) throws InterruptedException {
        if (o.warmup > 0) {
            await(() -> done.getAsInt() >= o.warmup, "the warm-up's " + o.warmup + " items", processes);
        }
        return cpu(processes);
    }

    private int backlogDone(LatencyCollector collector) {
        return (int) ledger.entries().keySet().stream().filter(collector.arrivals::done).count();
    }

    private boolean awaitDrained(LagMonitor lag, LatencyCollector collector, List<ServiceJvm> services) throws InterruptedException {
        long since = System.nanoTime();
        try {
            await(() -> allClassified(collector) && lag.watched().stream().allMatch(lag::caughtUp), "the stages to catch up",
                    services);
            long caught = System.nanoTime();
            await(() -> collector.caughtUpSince(caught), "the latency reader to catch up", services);
            return true;
        } catch (DeadlineException e) {
            out.println("Not drained within " + o.drainLimit + " (" + Duration.ofNanos(System.nanoTime() - since).toSeconds()
                    + " s): " + e.getMessage() + "; reporting what was done");
            return false;
        }
    }

    private boolean allClassified(LatencyCollector collector) {
        return ledger.entries().keySet().stream().allMatch(collector.arrivals::done);
    }

    private LoadtestReport.Audit audit(String servers) {
        out.println("Auditing the raw, classified and dead-letter topics …");
        try {
            return TopicAudit.run(servers, o.drainLimit);
        } catch (RuntimeException e) {
            out.println("The audit failed: " + e.getMessage());
            return LoadtestReport.Audit.failed(e.getMessage());
        }
    }

    private void await(BooleanSupplier condition, String what, List<ServiceJvm> alive) throws InterruptedException {
        long deadline = System.nanoTime() + o.drainLimit.toNanos();
        while (!condition.getAsBoolean()) {
            alive.forEach(ServiceJvm::requireAlive);
            if (System.nanoTime() > deadline) {
                throw new DeadlineException("timed out after " + o.drainLimit + " waiting for " + what);
            }
            Thread.sleep(200); // polling a condition with a deadline
        }
    }

    private static double[] cpu(List<ServiceJvm> services) {
        return services.stream().mapToDouble(ServiceJvm::cpuSeconds).toArray();
    }

    private LoadtestReport.Saturation saturation(LatencyCollector collector) {
        Arrivals c = collector.arrivals;
        List<SourceOffset> backlog = ledger.entries().entrySet().stream().filter(e -> e.getValue().backlog())
                .map(Map.Entry::getKey).toList();
        Window classified = Window.after(backlog.stream().map(c.classifiedAt::get).filter(t -> t != null)
                .mapToLong(t -> t).toArray(), o.warmup);
        long lastDeveloped = backlog.stream().map(c.developedAt::get).filter(t -> t != null).mapToLong(t -> t).max()
                .orElse(classified.endMs());
        Window copied = Window.after(collector.copyTimes(), o.warmup);
        return new LoadtestReport.Saturation(o.warmup, o.threads, o.saturate, classified.items(), classified.ms(),
                Math.max(lastDeveloped, classified.endMs()) - classified.startMs(), copied.items(), copied.ms());
    }

    private LoadtestReport.Feed feed(Feeder.Fed fed, LatencyCollector collector, long drainedMs) {
        List<SourceOffset> steady = steady();
        Arrivals c = collector.arrivals;
        List<String> unclassified = ledger.entries().entrySet().stream().filter(e -> !c.done(e.getKey()))
                .limit(AuditTally.EXAMPLES).map(e -> e.getValue().id() + " (" + e.getKey() + ")").toList();
        return new LoadtestReport.Feed(fed.items(), fed.rate(), count(steady, c.classifiedAt),
                (int) steady.stream().filter(s -> Boolean.TRUE.equals(c.relevant.get(s))).count(),
                count(steady, c.developedAt), count(steady, c.alertedAt()), drainedMs,
                List.of(Topics.ITEMS_CLASSIFIED, Topics.DEVELOPMENTS, Topics.ALERTS, Topics.LOADTEST_PASSTHROUGH).stream()
                        .map(t -> t.name() + " " + collector.records.getOrDefault(t.name(), new java.util.concurrent.atomic.AtomicInteger()).get())
                        .collect(java.util.stream.Collectors.joining(", ")),
                c.readBeforeAcknowledged(), unclassified);
    }

    private List<LoadtestReport.Stage> stages(Arrivals c) {
        List<SourceOffset> steady = steady();
        ToLongFunction<SourceOffset> raw = s -> ledger.get(s).appendedMs();
        Map<SourceOffset, Arrivals.Credit> credits = c.alertedAt();
        Map<SourceOffset, Long> alertedAt = new java.util.HashMap<>();
        Map<SourceOffset, Long> alertReadAt = new java.util.HashMap<>();
        credits.forEach((s, credit) -> {
            alertedAt.put(s, credit.appendedMs());
            alertReadAt.put(s, credit.readMs());
        });
        return List.of(
                stage("raw", "classified", steady, raw, c.classifiedAt),
                stage("classified", "development", steady, c.classifiedAt, c.developedAt),
                stage("development", "alert", steady, c.developedAt, alertedAt),
                stage("raw", "development", steady, raw, c.developedAt),
                stage("raw", "alert", steady, raw, alertedAt),
                stage("raw", "alert readable", steady, raw, alertReadAt));
    }

    private static LoadtestReport.Stage stage(String from, String to, List<SourceOffset> items, Map<SourceOffset, Long> start,
                                              Map<SourceOffset, Long> end) {
        return stage(from, to, items, s -> start.getOrDefault(s, Long.MIN_VALUE), end);
    }

    private static LoadtestReport.Stage stage(String from, String to, List<SourceOffset> items, ToLongFunction<SourceOffset> start,
                                              Map<SourceOffset, Long> end) {
        long[] samples = items.stream().filter(end::containsKey).filter(s -> start.applyAsLong(s) != Long.MIN_VALUE)
                .mapToLong(s -> Math.max(0, end.get(s) - start.applyAsLong(s))).toArray();
        return new LoadtestReport.Stage(from, to, Distribution.of(samples));
    }

    private List<SourceOffset> steady() {
        return ledger.entries().entrySet().stream().filter(e -> !e.getValue().backlog()).map(Map.Entry::getKey).toList();
    }

    private static int count(List<SourceOffset> items, Map<SourceOffset, ?> reached) {
        return (int) items.stream().filter(reached::containsKey).count();
    }

    /** A wait that ran out of time. */
    static final class DeadlineException extends RuntimeException {
        DeadlineException(String message) {
            super(message);
        }
    }

    static void writeReport(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + file, e);
        }
    }
}
