package org.karaul.ingest.sitemap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.karaul.ingest.source.Candidate;
import org.karaul.ingest.source.SourceSpec;
import org.karaul.ingest.testing.Fixtures;
import org.karaul.ingest.testing.LoopbackServer;
import org.karaul.ingest.testing.TestFetchers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class SitemapSourceTest {
    LoopbackServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
        String origin = server.url("");
        server.on("/sitemap.xml", ex -> LoopbackServer.respond(ex, 200, "application/xml", withOrigin("sitemap-index.xml", origin)));
        server.on("/sitemaps/old.xml", ex -> LoopbackServer.respond(ex, 200, "application/xml", withOrigin("sitemap-old.xml", origin)));
        byte[] news = gzip(withOrigin("sitemap-news.xml", origin));
        server.on("/sitemaps/news.xml.gz", ex -> LoopbackServer.respond(ex, 200, "application/x-gzip", news));
        server.on("/news/2026/11/22/border-1", ex -> LoopbackServer.respond(ex, 200, "text/html",
                Fixtures.bytes("article-border.html")));
        server.on("/news/2026/11/21/drills-2", ex -> LoopbackServer.respond(ex, 200, "text/html",
                Fixtures.bytes("article-drills.html")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldFollowNewestChildSitemapsAndFetchArticlesNewestFirst() throws Exception {
        SitemapSource source = new SitemapSource(new SourceSpec("sm-test", "sitemap", server.url("/sitemap.xml"),
                Duration.ofMinutes(10), "ru", "B", List.of("UZ"), null, null, 2), TestFetchers.fast());

        List<Candidate> found = source.poll();

        assertThat(found).extracting(Candidate::url).containsExactly(server.url("/news/2026/11/22/border-1"),
                server.url("/news/2026/11/21/drills-2"));
        assertThat(found.get(1).text()).startsWith("Совместные учения");
        assertThat(server.count("/news/2019/01/01/old")).isZero();
    }

    @Test
    void shouldReadNewsSitemapFields() throws IOException {
        Sitemap s = Sitemap.parse(withOrigin("sitemap-news.xml", "http://x"), "http://x/sitemap.xml");

        assertThat(s.index()).isFalse();
        assertThat(s.entries()).hasSize(2);
        assertThat(s.entries().get(0).title()).isEqualTo("Учения ОДКБ пройдут в следующем месяце");
        assertThat(s.entries().get(0).language()).isEqualTo("ru");
        assertThat(s.entries().get(0).modified()).hasToString("2026-11-21T12:00:00Z");
    }

    private static byte[] withOrigin(String fixture, String origin) {
        return Fixtures.text(fixture).replace("SERVER", origin).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
