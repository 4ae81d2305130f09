package org.karaul.ingest.fetch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.karaul.ingest.testing.LoopbackServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The fetcher against a real loopback server that misbehaves in every way the issue lists. */
class HttpFetcherTest {
    static final FetchConfig FAST = new FetchConfig("KaraulBot/test (+https://example.org/karaul)", "karaulbot",
            Duration.ofSeconds(2), Duration.ofMillis(1500), 1024 * 1024, 3, 3, Duration.ofMillis(10),
            Duration.ofMillis(2000), Duration.ZERO, Duration.ofSeconds(1), true, Duration.ofHours(1));

    LoopbackServer server;
    HttpFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
        fetcher = new HttpFetcher(FAST);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldReturnBodyAndSendHonestUserAgent() throws Exception {
        server.on("/ok", ex -> LoopbackServer.respond(ex, 200, "text/html; charset=utf-8", "<p>hello</p>"));

        FetchResult r = fetcher.fetch(server.url("/ok"));

        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<p>hello</p>");
        assertThat(r.findHeaderCharset()).contains("utf-8");
        assertThat(server.seen().get(0).userAgent()).startsWith("KaraulBot/");
    }

    @Test
    void shouldSendValidatorsAndReportNotModified() throws Exception {
        server.on("/feed", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            ex.getResponseHeaders().set("Last-Modified", "Sun, 22 Nov 2026 10:00:00 GMT");
            LoopbackServer.respond(ex, 200, "application/rss+xml", "<rss/>");
        });

        FetchResult first = fetcher.fetch(server.url("/feed"));
        FetchResult second = fetcher.fetch(server.url("/feed"), first.validators());

        assertThat(first.notModified()).isFalse();
        assertThat(second.notModified()).isTrue();
        assertThat(second.body()).isEmpty();
        assertThat(server.seen().get(1).ifModifiedSince()).isEqualTo("Sun, 22 Nov 2026 10:00:00 GMT");
    }

    @Test
    void shouldDecompressGzipBodies() throws Exception {
        byte[] gz = gzip("<p>compressed</p>".getBytes(StandardCharsets.UTF_8));
        server.on("/gz", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            LoopbackServer.respond(ex, 200, "text/html", gz);
        });

        assertThat(new String(fetcher.fetch(server.url("/gz")).body(), StandardCharsets.UTF_8))
                .isEqualTo("<p>compressed</p>");
    }

    @Test
    void shouldTimeOutOnSlowDripWithinReadTimeout() {
        server.on("/drip", ex -> {
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < 10_000; i++) {
                out.write('x');
                out.flush();
                pause(50);
            }
        });

        HttpFetcher once = new HttpFetcher(FAST.withRetries(1, Duration.ZERO, Duration.ZERO));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> once.fetch(server.url("/drip")))
                        .isInstanceOf(FetchTimeoutException.class)
                        .hasMessageContaining(server.url("/drip")));
    }

    @Test
    void shouldTimeOutWhenHeadersNeverCome() {
        server.on("/silent", ex -> pause(5_000));

        HttpFetcher once = new HttpFetcher(FAST.withRetries(1, Duration.ZERO, Duration.ZERO));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> once.fetch(server.url("/silent")))
                        .isInstanceOf(FetchTimeoutException.class));
    }

    @Test
    void shouldAbortEndlessBodyAtTheLimit() {
        server.on("/endless", ex -> {
            ex.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            OutputStream out = ex.getResponseBody();
            while (true) {
                out.write(chunk);
            }
        });

        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> fetcher.fetch(server.url("/endless")))
                        .isInstanceOf(BodyTooLargeException.class));
    }

    @Test
    void shouldStopGzipBombAtTheDecompressedLimit() throws IOException {
        byte[] bomb = gzip(new byte[64 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        server.on("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            LoopbackServer.respond(ex, 200, "text/html", bomb);
        });

        assertThatThrownBy(() -> fetcher.fetch(server.url("/bomb")))
                .isInstanceOf(BodyTooLargeException.class)
                .hasMessageContaining("decompressed");
    }

    @Test
    void shouldDetectRedirectLoop() {
        server.on("/a", ex -> redirect(ex, "/b"));
        server.on("/b", ex -> redirect(ex, "/a"));

        assertThatThrownBy(() -> fetcher.fetch(server.url("/a")))
                .isInstanceOf(RedirectException.class)
                .hasMessageContaining("loop");
    }

    @Test
    void shouldGiveUpAfterTooManyRedirects() {
        AtomicInteger n = new AtomicInteger();
        server.on("/hop", ex -> redirect(ex, "/hop" + n.incrementAndGet()));

        assertThatThrownBy(() -> fetcher.fetch(server.url("/hop")))
                .isInstanceOf(RedirectException.class)
                .hasMessageContaining("more than 3 redirects");
    }

    @Test
    void shouldFollowRedirectToFinalUrl() throws Exception {
        server.on("/old", ex -> redirect(ex, "/new"));
        server.on("/new", ex -> LoopbackServer.respond(ex, 200, "text/plain", "moved"));

        assertThat(fetcher.fetch(server.url("/old")).finalUrl()).isEqualTo(server.url("/new"));
    }

    @Test
    void shouldNotRetryNotFound() {
        server.on("/missing", ex -> LoopbackServer.respond(ex, 404, "text/plain", "no"));

        assertThatThrownBy(() -> fetcher.fetch(server.url("/missing")))
                .isInstanceOfSatisfying(HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(server.count("/missing")).isEqualTo(1);
    }

    @Test
    void shouldRetryServerErrorsWithBackoffThenSucceed() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.on("/flaky", ex -> LoopbackServer.respond(ex, calls.incrementAndGet() < 3 ? 500 : 200,
                "text/plain", "ok"));

        assertThat(fetcher.fetch(server.url("/flaky")).status()).isEqualTo(200);
        assertThat(server.count("/flaky")).isEqualTo(3);
    }

    @Test
    void shouldHonourRetryAfterOnTooManyRequests() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.on("/busy", ex -> {
            if (calls.incrementAndGet() == 1) {
                ex.getResponseHeaders().set("Retry-After", "1");
                LoopbackServer.respond(ex, 429, "text/plain", "slow down");
            } else {
                LoopbackServer.respond(ex, 200, "text/plain", "ok");
            }
        });

        fetcher.fetch(server.url("/busy"));

        long gap = server.seen().get(1).nanos() - server.seen().get(0).nanos();
        assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void shouldFailWithRetryAfterWhenServerAsksForLongerThanBackoffCap() {
        server.on("/later", ex -> {
            ex.getResponseHeaders().set("Retry-After", "3600");
            LoopbackServer.respond(ex, 503, "text/plain", "maintenance");
        });

        assertThatThrownBy(() -> fetcher.fetch(server.url("/later")))
                .isInstanceOfSatisfying(HttpStatusException.class,
                        e -> assertThat(e.findRetryAfter()).contains(Duration.ofHours(1)));
        assertThat(server.count("/later")).isEqualTo(1);
    }

    @Test
    void shouldObeyRobotsTxt() {
        server.robots("User-agent: *\nDisallow: /private\n");
        server.on("/private", ex -> LoopbackServer.respond(ex, 200, "text/plain", "secret"));

        assertThatThrownBy(() -> fetcher.fetch(server.url("/private/page")))
                .isInstanceOf(RobotsDeniedException.class);
        assertThat(server.count("/private/page")).isZero();
    }

    @Test
    void shouldSpaceRequestsToTheSameHost() throws Exception {
        HttpFetcher polite = new HttpFetcher(FAST.withHostDelay(Duration.ofMillis(200)));
        server.on("/p", ex -> LoopbackServer.respond(ex, 200, "text/plain", "ok"));

        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            polite.fetch(server.url("/p"));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        // Three requests to one host need at least two full delays between them. A lower bound measured on the
        // client cannot be broken by a slow machine, unlike gaps between arrival times at the server.
        assertThat(server.seen()).hasSize(3);
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void shouldHonourRobotsCrawlDelay() throws Exception {
        server.robots("User-agent: karaulbot\nCrawl-delay: 1\nAllow: /\n");
        server.on("/slowly", ex -> LoopbackServer.respond(ex, 200, "text/plain", "ok"));

        long start = System.nanoTime();
        fetcher.fetch(server.url("/slowly"));
        fetcher.fetch(server.url("/slowly"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void shouldRejectNonHttpUrls() {
        assertThatThrownBy(() -> fetcher.fetch("file:///etc/passwd")).isInstanceOf(FetchException.class);
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange ex, String to) throws IOException {
        ex.getResponseHeaders().set("Location", to);
        ex.sendResponseHeaders(302, -1);
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
