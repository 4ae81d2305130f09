package org.karaul.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.karaul.contract.RawItem;
import org.karaul.contract.SeenUrl;
import org.karaul.ingest.testing.CommittedTopics;
import org.karaul.ingest.testing.LoopbackServer;
import org.karaul.kafka.embedded.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of ingest mid-crawl loses nothing and duplicates nothing. Ingest runs in its own JVM (the real entry point,
 * {@code karaul ingest}) against a loopback site of some hundred articles behind listing pages. It is killed
 * with SIGKILL ({@link Process#destroyForcibly()}) several times, half of the kills right as it starts sending a batch
 * and half at a random moment of the crawl, and restarted each time with the same transactional id. The committed
 * items are then compared with those of a run without kills: the same article versions, none twice, none missing,
 * each with its seen mark. {@code -Dkaraul.ingest.kills=N} (the {@code faults} profile: 20) sets the number of kills;
 * the figures go to {@code target/fault-report-ingest.txt}.
 */
@ExtendWith(KafkaBrokerExtension.class)
class IngestKillIT {
    private static final int KILLS = Integer.getInteger("karaul.ingest.kills", 3);
    /** Enough that the crawl cannot end before the last kill. */
    static final int ARTICLES = Math.max(300, 100 * KILLS);
    /** Listing pages, each of at most 250 links (ArticlePages remembers 300 pages per source). */
    private static final int LISTINGS = Math.max(2, (ARTICLES + 249) / 250);
    private static final int PER_POLL = 20;
    private static final Duration ARTICLE_DELAY = Duration.ofMillis(25);
    /** A restarted ingest re-crawls what was published before it publishes anything new: allow for that. */
    private static final Duration CRAWL_TIMEOUT = Duration.ofSeconds(60 + ARTICLES / 10);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Random random = new Random();
    private LoopbackServer site;
    private Process child;

    @TempDir
    Path dir;

    @BeforeEach
    void serveSite() throws IOException {
        site = new LoopbackServer();
        for (String part : List.of("ref", "kill")) {
            for (String listing : listings()) {
                site.on("/" + part + "/" + run + "/" + listing + "/", ex -> LoopbackServer.respond(ex, 200,
                        "text/html; charset=utf-8", listing(part, listing)));
            }
            site.on("/" + part + "/" + run + "/a/", ex -> {
                java.util.concurrent.locks.LockSupport.parkNanos(ARTICLE_DELAY.toNanos()); // a site that takes its time
                String path = ex.getRequestURI().getPath();
                int n = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1).replace(".html", ""));
                LoopbackServer.respond(ex, 200, "text/html; charset=utf-8", article(n));
            });
        }
    }

    @AfterEach
    void stop() {
        if (child != null) {
            child.destroyForcibly();
        }
        site.close();
    }

    @Test
    void shouldPublishEveryArticleOnceAcrossKillsAsARunWithoutKillsDoes() throws Exception {
        int kills = KILLS;
        long started = System.nanoTime();

        Outcome reference = crawl("ref", 0);
        Outcome killed = crawl("kill", kills);

        Set<String> want = reference.versions().keySet();
        Set<String> got = killed.versions().keySet();
        Set<String> lost = new TreeSet<>(want);
        lost.removeAll(got);
        Set<String> extra = new TreeSet<>(got);
        extra.removeAll(want);
        String report = String.format(Locale.ROOT, """
                ingest kill -9 test (IngestKillIT), %s
                articles on the site: %d (%d listings, %d fetched per poll, %d ms per article page)
                reference run (no kills): %d items committed, %d duplicates
                killed run: %d kills (SIGKILL), %d of them while a transaction was open on the broker
                killed run: %d items committed, %d distinct, duplicates %d, lost %d, not in the reference %d
                seen marks consistent with the items: %s
                restart (process start) to ingest started (ms), per restart: %s
                restart to first publish (ms; includes re-crawling what was already published), per killed restart: %s
                kill moments (ms after the incarnation's first publish, or batch+ms = after it began sending a batch): %s
                test time: %d s
                """, java.time.Instant.now(), ARTICLES, LISTINGS, PER_POLL, ARTICLE_DELAY.toMillis(), reference.items().size(),
                reference.duplicates(), kills, killed.killsMidTransaction(), killed.items().size(), got.size(),
                killed.duplicates(), lost.size(), extra.size(), killed.marksConsistent(), killed.readyMillis(), killed.firstPublishMillis(),
                killed.killMoments(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "fault-report-ingest.txt"), report);
        System.out.println(report);

        assertThat(reference.items()).hasSize(ARTICLES);
        assertThat(reference.duplicates()).isZero();
        assertThat(killed.versions()).as("the same article versions as without kills").isEqualTo(reference.versions());
        assertThat(killed.duplicates()).as("no item published twice").isZero();
        assertThat(lost).as("no item lost").isEmpty();
        assertThat(killed.marksConsistent()).isTrue();
        assertThat(killed.readyMillis()).hasSize(kills);
    }

    /** What one run committed, and how it went. */
    private record Outcome(List<RawItem> items, Map<String, Integer> versions, long duplicates, boolean marksConsistent,
                           int killsMidTransaction, List<Long> readyMillis, List<Long> firstPublishMillis,
                           List<String> killMoments) {
    }

    /** Crawls the site under {@code part} to its end with one ingest process after another, killing the first ones. */
    private Outcome crawl(String part, int kills) throws Exception {
        Path config = config(part);
        String prefix = "/" + part + "/" + run + "/";
        List<Long> firstPublish = new ArrayList<>();
        List<Long> ready = new ArrayList<>();
        List<String> moments = new ArrayList<>();
        int midTransaction = 0;
        for (int k = 0; k < kills; k++) {
            Incarnation life = start(config, part + "-" + k);
            long readyAt = life.await("ingest started", Duration.ofSeconds(60));
            long firstAt = life.await("published", CRAWL_TIMEOUT);
            if (k > 0) {
                ready.add(TimeUnit.NANOSECONDS.toMillis(readyAt - life.startedAt()));
                firstPublish.add(TimeUnit.NANOSECONDS.toMillis(firstAt - life.startedAt()));
            }
            if (k % 2 == 0) {
                for (int skip = random.nextInt(3); skip >= 0; skip--) {
                    life.await("sending a batch", Duration.ofSeconds(30));
                }
                long wait = random.nextInt(20);
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(wait)); // into the batch
                moments.add("batch+" + wait);
            } else {
                long wait = 50 + random.nextInt(950);
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(wait)); // a random moment
                moments.add(Long.toString(wait));
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            if (openTransaction(transactionalId(part))) {
                midTransaction++;
            }
        }
        Incarnation last = start(config, part + "-last");
        if (kills > 0) {
            ready.add(TimeUnit.NANOSECONDS.toMillis(last.await("ingest started", Duration.ofSeconds(60)) - last.startedAt()));
        }
        awaitTrue("all " + ARTICLES + " articles of " + part + " committed", CRAWL_TIMEOUT,
                () -> distinct(committed(prefix)) >= ARTICLES);
        awaitTrue("the last incarnation went through every article and polled again", CRAWL_TIMEOUT,
                () -> crawledAllSince(prefix, last.startedAt()));
        child.destroy(); // SIGTERM: a graceful stop
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("ingest stops on SIGTERM").isTrue();
        child = null;

        List<RawItem> items = committed(prefix);
        Map<String, Integer> versions = new HashMap<>();
        items.forEach(i -> versions.merge(i.url().substring(i.url().indexOf(prefix) + prefix.length()) + "@" + i.version(),
                1, Integer::sum));
        long duplicates = versions.values().stream().mapToLong(n -> n - 1).sum();
        Map<String, SeenUrl> marks = CommittedTopics.marks(KafkaBrokerExtension.bootstrapServers(),
                m -> m.url().contains(prefix)).stream()
                .collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value, (a, b) -> b.version() >= a.version() ? b : a));
        boolean consistent = marks.size() == distinctIds(items) && items.stream()
                .allMatch(i -> marks.containsKey(i.id()) && marks.get(i.id()).version() >= i.version());
        return new Outcome(items, versions.keySet().stream().collect(Collectors.toMap(v -> v, v -> 1)), duplicates,
                consistent, midTransaction, ready, firstPublish, moments);
    }

    private Path config(String part) throws IOException {
        Path sources = dir.resolve(part + "-sources.yaml");
        StringBuilder yaml = new StringBuilder("sources:\n");
        for (String listing : listings()) {
            yaml.append("  - {id: kill-").append(listing).append(", type: html, url: '")
                    .append(site.url("/" + part + "/" + run + "/" + listing + "/"))
                    .append("', interval: 500ms, minInterval: 50ms, maxItems: ").append(PER_POLL)
                    .append(", selectors: {links: 'a.story'}}\n");
        }
        Files.writeString(sources, yaml);
        Properties p = new Properties();
        p.put("kafka.bootstrap.servers", KafkaBrokerExtension.bootstrapServers());
        p.put("ingest.sources.path", sources.toString());
        p.put("ingest.transactional.id", transactionalId(part));
        p.put("ingest.http.host.delay", "0s");
        p.put("ingest.http.timeout", "5s");
        p.put("ingest.ops.port", "-1");
        Path file = dir.resolve(part + ".properties");
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            p.store(w, "IngestKillIT " + part);
        }
        return file;
    }

    private String transactionalId(String part) {
        return "it-kill-" + part + "-" + run;
    }

    /** One ingest process; its output lines are kept in a log file and scanned for progress. */
    private final class Incarnation {
        private final long startedAt;
        private final BlockingQueue<Map.Entry<Long, String>> lines = new LinkedBlockingQueue<>();

        Incarnation(Process process, long startedAt, Path log) {
            this.startedAt = startedAt;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(Map.entry(System.nanoTime(), line));
                        out.println(line);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "ingest-child-output");
            reader.setDaemon(true);
            reader.start();
        }

        long startedAt() {
            return startedAt;
        }

        /** Waits for the next output line containing {@code text}; returns when it was read (System.nanoTime). */
        long await(String text, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Map.Entry<Long, String> line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                assertThat(line).as("ingest printing '%s' within %s", text, timeout).isNotNull();
                if (line.getValue().contains(text)) {
                    return line.getKey();
                }
            }
        }
    }

    private Incarnation start(Path config, String name) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                "-Dorg.slf4j.simpleLogger.log.org.karaul=info",
                "-Dorg.slf4j.simpleLogger.log.org.karaul.ingest.ItemPublisher=debug",
                "-cp", System.getProperty("java.class.path"), IngestProcess.class.getName(),
                "--config", config.toString());
        long at = System.nanoTime();
        child = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new Incarnation(child, at, Path.of("target", "ingest-kill-" + run + "-" + name + ".log"));
    }

    private static boolean openTransaction(String transactionalId) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerExtension.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            TransactionState state = admin.describeTransactions(List.of(transactionalId)).description(transactionalId)
                    .get(30, TimeUnit.SECONDS).state();
            return state == TransactionState.ONGOING || state == TransactionState.PREPARE_COMMIT
                    || state == TransactionState.PREPARE_ABORT;
        }
    }

    /** Every article under {@code prefix} was requested since {@code since}, and both listings again after that. */
    private boolean crawledAllSince(String prefix, long since) {
        List<LoopbackServer.Seen> seen = site.seen().stream().filter(s -> s.nanos() >= since && s.path().startsWith(prefix))
                .toList();
        Map<Boolean, List<LoopbackServer.Seen>> byKind = seen.stream()
                .collect(Collectors.partitioningBy(s -> s.path().startsWith(prefix + "a/")));
        Set<String> articles = byKind.get(true).stream().map(LoopbackServer.Seen::path).collect(Collectors.toSet());
        if (articles.size() < ARTICLES) {
            return false;
        }
        long lastArticle = byKind.get(true).stream().mapToLong(LoopbackServer.Seen::nanos).max().orElseThrow();
        return byKind.get(false).stream().filter(s -> s.nanos() > lastArticle).map(LoopbackServer.Seen::path)
                .collect(Collectors.toSet()).size() == LISTINGS;
    }

    private static List<RawItem> committed(String prefix) {
        return CommittedTopics.items(KafkaBrokerExtension.bootstrapServers(), i -> i.url().contains(prefix));
    }

    private static int distinct(Collection<RawItem> items) {
        return distinctIds(items);
    }

    private static int distinctIds(Collection<RawItem> items) {
        Set<String> ids = new HashSet<>();
        items.forEach(i -> ids.add(i.id()));
        return ids.size();
    }

    private static List<String> listings() {
        return java.util.stream.IntStream.range(0, LISTINGS).mapToObj(i -> "l" + i).toList();
    }

    private String listing(String part, String listing) {
        StringBuilder b = new StringBuilder("<html><head><title>News ").append(listing).append("</title></head><body><ul>");
        int index = Integer.parseInt(listing.substring(1));
        for (int n = index + 1; n <= ARTICLES; n += LISTINGS) {
            b.append("<li><a class=\"story\" href=\"/").append(part).append('/').append(run).append("/a/").append(n)
                    .append(".html\">Story ").append(n).append("</a></li>");
        }
        return b.append("</ul></body></html>").toString();
    }

    private static String article(int n) {
        return "<html lang=\"en\"><head><title>Border report " + n + "</title></head><body><article><h1>Border report " + n
                + "</h1><p>Report number " + n + " describes a quiet day at the crossing, with trucks, buses and traders "
                + "moving in both directions, and guards checking papers as usual.</p><p>Officials said that the queue, "
                + "which had grown overnight, cleared by noon; report " + n + " notes no incidents.</p><p>Further "
                + "updates on crossing " + n + " will follow when the regional office publishes its weekly summary."
                + "</p></article></body></html>";
    }

    private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + timeout).isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
        }
    }
}
