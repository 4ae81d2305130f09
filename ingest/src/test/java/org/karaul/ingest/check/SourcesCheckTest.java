package org.karaul.ingest.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karaul.ingest.cli.SourcesCommand;
import org.karaul.ingest.fetch.FetchConfig;
import org.karaul.ingest.testing.LoopbackServer;
import picocli.CommandLine;

/**
 * {@code karaul sources check} against loopback mirrors of four sources: a working feed, a feed that is gone (404),
 * one robots.txt forbids, and a page that is no feed.
 */
class SourcesCheckTest {
    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Mirror</title>
            <item><title>Older</title><link>https://mirror.example/a</link><pubDate>Sat, 21 Nov 2026 10:00:00 GMT</pubDate></item>
            <item><title>Newer</title><link>https://mirror.example/b</link><pubDate>Sun, 22 Nov 2026 02:30:00 GMT</pubDate></item>
            </channel></rss>
            """;

    @TempDir
    Path dir;

    private LoopbackServer server;
    private Path sources;

    @BeforeEach
    void mirrors() throws Exception {
        server = new LoopbackServer()
                .robots("User-agent: *\nDisallow: /private/\n")
                .on("/good/rss", ex -> LoopbackServer.respond(ex, 200, "application/rss+xml; charset=utf-8", FEED))
                .on("/gone/rss", ex -> LoopbackServer.respond(ex, 404, "text/html", "<h1>Not found</h1>"))
                .on("/private/rss", ex -> LoopbackServer.respond(ex, 200, "application/rss+xml", FEED))
                .on("/junk/rss", ex -> LoopbackServer.respond(ex, 200, "text/html; charset=utf-8",
                        "<html><body><p>Our feed moved. Please update your reader.</p></body></html>"));
        sources = Files.writeString(dir.resolve("sources.yaml"), String.join("\n", "sources:",
                "  - {id: good, type: rss, url: '" + server.url("/good/rss") + "'}",
                "  - {id: gone, type: rss, url: '" + server.url("/gone/rss") + "'}",
                "  - {id: private, type: rss, url: '" + server.url("/private/rss") + "'}",
                "  - {id: junk, type: rss, url: '" + server.url("/junk/rss") + "'}", ""));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldPrintAVerdictPerSourceAndFailWhenAnyIsBroken() {
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new SourcesCommand()).setOut(new PrintWriter(out))
                .execute("check", sources.toString(), "--host-delay", "500ms");

        assertThat(exit).as(out.toString()).isEqualTo(1);
        List<String> lines = out.toString().lines().toList();
        assertThat(row(lines, "good")).contains(" ok ").contains(" 2 ").contains("2026-11-22T02:30:00Z").contains("allowed");
        assertThat(row(lines, "gone")).contains("http error").contains("HTTP 404");
        assertThat(row(lines, "private")).contains("robots denied").contains("disallowed");
        assertThat(row(lines, "junk")).contains("unparsable").contains("not a feed");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("4 sources checked: 1 ok, 3 broken");

        // polite: robots.txt obeyed, ingest's user agent on every request, one request at a time with the gap kept (the
        // gap is booked when a request leaves; the first one also opens the connection, hence the margin)
        assertThat(server.count("/private/rss")).isZero();
        assertThat(server.seen()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.userAgent()).isEqualTo(FetchConfig.DEFAULT_AGENT));
        List<Long> sourceRequests = server.seen().stream().filter(s -> s.path().endsWith("/rss"))
                .map(LoopbackServer.Seen::nanos).toList();
        assertThat(sourceRequests).hasSize(3);
        for (int i = 1; i < sourceRequests.size(); i++) {
            assertThat(sourceRequests.get(i) - sourceRequests.get(i - 1)).isGreaterThanOrEqualTo(300_000_000L);
        }
    }

    @Test
    void shouldExitZeroWhenEverySourceWorks() throws Exception {
        Files.writeString(sources, "sources:\n  - {id: good, type: rss, url: '" + server.url("/good/rss") + "'}\n");
        StringWriter out = new StringWriter();

        int exit = new CommandLine(new SourcesCommand()).setOut(new PrintWriter(out)).execute("check", sources.toString());

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("1 sources checked: 1 ok, 0 broken");
    }

    @Test
    void shouldRefuseAnInvalidFileWithExitTwo() throws Exception {
        Files.writeString(sources, "sources:\n  - {id: bad, type: rss, url: 'ftp://x', colour: red}\n");
        StringWriter err = new StringWriter();

        int exit = new CommandLine(new SourcesCommand()).setErr(new PrintWriter(err)).execute("check", sources.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown key 'colour'").contains("url must be");
        assertThat(server.seen()).isEmpty();
    }

    private static String row(List<String> lines, String id) {
        return lines.stream().filter(l -> l.startsWith(id + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + id + " in " + lines));
    }
}
