package org.karaul.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.karaul.contract.Alert;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.kafka.Topics;
import org.karaul.kafka.embedded.EmbeddedKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code karaul run} in a JVM of its own, twice, against loopback mirrors of two outlets (an English RSS feed and a
 * Russian one, with their article pages and a robots.txt): the first run prints its status line and alerts on the
 * story it finds; after an orderly stop a new story is published; the second run, resuming from the same data
 * directory, alerts on the new story only.
 */
class RunCommandIT {
    private static final Duration WAIT = Duration.ofSeconds(150);
    private static final Pattern STATUS = Pattern.compile(
            "(?m)^\\S+Z  status  fetched \\d+ \\(new \\d+\\)  classified \\d+  developments open \\d+  alerts \\d+  sources failing \\d+/2$");

    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final Path dir = Path.of("target", "run-command-it");
    private HttpServer site;
    private String base;
    private Process process;

    @BeforeEach
    void serveMirrors() throws IOException {
        EmbeddedKafka.deleteRecursively(dir);
        Files.createDirectories(dir);
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        base = "http://127.0.0.1:" + site.getAddress().getPort();
        site.createContext("/", this::serve);
        site.start();
        pages.put("/robots.txt", "User-agent: *\nDisallow: /private/\n");
        article("/en/2026/12/border-clash.html", "Border guards exchange fire on Kyrgyz-Tajik frontier, one soldier killed",
                "Kyrgyz and Tajik border guards exchanged fire on Tuesday near a disputed stretch of road in Batken region. "
                        + "One Kyrgyz soldier was killed and two were wounded, the border service said.");
        article("/ru/2026/12/urozhai.html", "Урожай хлопка в Ферганской долине превысил прогноз",
                "Фермеры Ферганской долины собрали рекордный урожай хлопка, сообщили в министерстве сельского хозяйства.");
        pages.put("/en/feed.xml", feed("Border Wire", List.of(item("/en/2026/12/border-clash.html",
                "Border guards exchange fire on Kyrgyz-Tajik frontier, one soldier killed", "Tue, 01 Dec 2026 06:40:00 GMT"))));
        pages.put("/ru/rss/", feed("Вести долины", List.of(item("/ru/2026/12/urozhai.html",
                "Урожай хлопка в Ферганской долине превысил прогноз", "Tue, 01 Dec 2026 07:00:00 GMT"))));
        Files.writeString(dir.resolve("sources.yaml"), String.join("\n", "sources:",
                "  - {id: border-wire, type: rss, url: '" + base + "/en/feed.xml', interval: 3s, minInterval: 1s, lang: en, grade: B,",
                "     country: KG, reason: 'loopback mirror of a wire service'}",
                "  - {id: vesti-doliny, type: rss, url: '" + base + "/ru/rss/', interval: 3s, minInterval: 1s, lang: ru, grade: C,",
                "     country: UZ, reason: 'loopback mirror of a regional site'}", ""));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        site.stop(0);
    }

    @Test
    void shouldResumeAfterAStopAlertingOnlyOnWhatIsNew() throws Exception {
        int kafkaPort = EmbeddedKafka.freePort();
        int controllerPort = EmbeddedKafka.freePort();
        String clash = base + "/en/2026/12/border-clash.html";
        String cell = base + "/en/2026/12/khujand-cell.html";

        Path first = dir.resolve("first.log");
        start(first, kafkaPort, controllerPort);
        awaitOutput(first, out -> out.contains("Desk page: http://127.0.0.1:"), "the desk page's address");
        awaitOutput(first, out -> STATUS.matcher(out).find(), "a status line");
        awaitOutput(first, out -> alertLine(out, clash), "an alert on the border clash");
        stopGracefully();

        // published while Karaul was stopped
        article("/en/2026/12/khujand-cell.html", "Tajik security service detains members of banned cell in Khujand",
                "Officers of the State Committee for National Security detained five suspected members of a banned "
                        + "extremist organisation in Khujand accused of recruiting young people to fight abroad.");
        pages.put("/en/feed.xml", feed("Border Wire", List.of(
                item("/en/2026/12/khujand-cell.html", "Tajik security service detains members of banned cell in Khujand",
                        "Wed, 02 Dec 2026 08:15:00 GMT"),
                item("/en/2026/12/border-clash.html", "Border guards exchange fire on Kyrgyz-Tajik frontier, one soldier killed",
                        "Tue, 01 Dec 2026 06:40:00 GMT"))));

        Path second = dir.resolve("second.log");
        start(second, kafkaPort, controllerPort);
        awaitOutput(second, out -> alertLine(out, cell), "an alert on the story published between the runs");
        awaitOutput(second, out -> STATUS.matcher(out).find(), "a status line in the second run");

        String secondOut = Files.readString(second);
        assertThat(alertLine(secondOut, clash)).as("the second run must not print the first run's alert again").isFalse();
        List<Alert> alerts = alertsOnTopic("127.0.0.1:" + kafkaPort);
        assertThat(alerts.stream().filter(a -> cites(a, clash))).as("alerts citing the border clash").hasSize(1);
        assertThat(alerts.stream().filter(a -> cites(a, cell))).as("alerts citing the Khujand cell").hasSize(1);
        stopGracefully();
    }

    private void start(Path log, int kafkaPort, int controllerPort) throws IOException {
        String cp = System.getProperty("surefire.test.class.path");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-cp", cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path"),
                "org.karaul.cli.KaraulCli", "run", "--data-dir", dir.resolve("data").toString(),
                "--sources", dir.resolve("sources.yaml").toString(), "--kafka-port", Integer.toString(kafkaPort),
                "--controller-port", Integer.toString(controllerPort), "--ops-port", "0", "--desk-port", "0",
                "--host-delay", "50ms", "--status-interval", "2s"));
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void stopGracefully() throws InterruptedException {
        process.destroy(); // SIGTERM: the shutdown hook closes every part
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("karaul run exits within 60 s of SIGTERM").isTrue();
    }

    private void awaitOutput(Path log, Predicate<String> condition, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String out = Files.exists(log) ? Files.readString(log) : "";
            if (condition.test(out)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("karaul run exited (code " + process.exitValue() + ") before " + what + ":\n" + out);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + what + " within " + WAIT + "; output:\n" + Files.readString(log));
    }

    /** A console alert line (severity, category, countries, title, [source url]) citing {@code url}. */
    private static boolean alertLine(String out, String url) {
        return out.lines().anyMatch(l -> l.matches("^\\S+Z\\s+(CRITICAL|HIGH|MEDIUM|LOW)\\s.*") && l.contains(url));
    }

    private static boolean cites(Alert a, String url) {
        return a.sources().stream().anyMatch(s -> url.equals(s.url()));
    }

    private static List<Alert> alertsOnTopic(String servers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Alert> alerts = new ArrayList<>();
        try (KafkaConsumer<String, AlertEvent> c = new KafkaConsumer<>(p, Topics.ALERTS.keySerde().deserializer(),
                Topics.ALERTS.valueSerde().deserializer())) {
            TopicPartition tp = new TopicPartition(Topics.ALERTS.name(), 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (c.position(tp) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, AlertEvent> r : c.poll(Duration.ofMillis(250))) {
                    alerts.add(r.value().data());
                }
            }
            assertThat(c.position(tp)).as("read the alerts topic to its end").isGreaterThanOrEqualTo(end);
        }
        return alerts;
    }

    private void article(String path, String title, String text) {
        pages.put(path, "<!doctype html><html lang=\"" + (path.startsWith("/ru/") ? "ru" : "en") + "\"><head><meta charset=\"utf-8\">"
                + "<title>" + title + "</title></head><body><nav><a href=\"/\">Home</a></nav><article><h1>" + title
                + "</h1><p>" + text + "</p><p>" + text + "</p></article><footer>Mirror for tests</footer></body></html>");
    }

    private String item(String path, String title, String date) {
        return "<item><title>" + title + "</title><link>" + base + path + "</link><guid>" + base + path + "</guid><pubDate>"
                + date + "</pubDate><description>" + title + ".</description></item>";
    }

    private static String feed(String name, List<String> items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + name + "</title>"
                + String.join("", items) + "</channel></rss>";
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String body = pages.get(ex.getRequestURI().getPath());
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String path = ex.getRequestURI().getPath();
            ex.getResponseHeaders().set("Content-Type", path.endsWith(".txt") ? "text/plain; charset=utf-8"
                    : path.endsWith(".html") ? "text/html; charset=utf-8" : "application/rss+xml; charset=utf-8");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
        }
    }
}
