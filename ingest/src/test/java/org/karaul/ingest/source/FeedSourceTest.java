package org.karaul.ingest.source;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.karaul.ingest.testing.Fixtures;
import org.karaul.ingest.testing.LoopbackServer;
import org.karaul.ingest.testing.TestFetchers;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedSourceTest {
    LoopbackServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
        server.on("/news/2026/11/22/border-1", ex -> LoopbackServer.respond(ex, 200, "text/html; charset=utf-8",
                Fixtures.bytes("article-border.html")));
        server.on("/news/2026/11/21/drills-2", ex -> LoopbackServer.respond(ex, 500, "text/plain", "down"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FeedSource source(String path, boolean fetchArticles) {
        SourceSpec spec = new SourceSpec("test-feed", "rss", server.url(path), Duration.ofMinutes(5), "ru", "B",
                List.of("KZ"));
        return new FeedSource(spec, TestFetchers.fast(), fetchArticles);
    }

    @Test
    void shouldEmitOneCandidatePerEntryWithCanonicalAbsoluteUrl() throws Exception {
        server.on("/feed.rss", ex -> LoopbackServer.respond(ex, 200, "application/rss+xml", Fixtures.bytes("feed.rss")));

        List<Candidate> found = source("/feed.rss", false).poll();

        assertThat(found).hasSize(2);
        Candidate first = found.get(0);
        assertThat(first.url()).isEqualTo(server.url("/news/2026/11/22/border-1"));
        assertThat(first.title()).isEqualTo("Пограничники задержали нарушителей на участке границы");
        assertThat(first.text()).isEqualTo("Двое граждан задержаны при попытке незаконно пересечь границу.");
        assertThat(first.published()).isEqualTo(Instant.parse("2026-11-22T02:30:00Z"));
        assertThat(first.lang()).isEqualTo("ru");
    }

    @Test
    void shouldReturnNothingWhenFeedIsNotModified() throws Exception {
        server.on("/etag.rss", ex -> {
            if ("\"x\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().set("ETag", "\"x\"");
            LoopbackServer.respond(ex, 200, "application/rss+xml", Fixtures.bytes("feed.rss"));
        });
        FeedSource source = source("/etag.rss", false);

        assertThat(source.poll()).hasSize(2);
        assertThat(source.poll()).isEmpty();
    }

    @Test
    void shouldUseArticleTextWhenFetchingArticlesAndKeepSummaryWhenPageFails() throws Exception {
        server.on("/feed.rss", ex -> LoopbackServer.respond(ex, 200, "application/rss+xml", Fixtures.bytes("feed.rss")));

        List<Candidate> found = source("/feed.rss", true).poll();

        assertThat(found).hasSize(1);
        assertThat(found.get(0).text()).contains("досудебное расследование").doesNotContain("Читайте также");
    }

    @Test
    void shouldReportWrongContentTypeAsSourceError() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        server.on("/image", ex -> LoopbackServer.respond(ex, 200, "image/png", png));

        assertThatThrownBy(() -> source("/image", false).poll())
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("test-feed")
                .hasMessageContaining("not a feed");
    }

    @Test
    void shouldReadFeedDespiteBogusCharsetInHeader() throws Exception {
        server.on("/bogus.rss", ex -> LoopbackServer.respond(ex, 200, "application/rss+xml; charset=x-no-such-thing",
                Fixtures.bytes("feed.rss")));

        assertThat(source("/bogus.rss", false).poll()).extracting(Candidate::title)
                .contains("Учения ОДКБ пройдут в следующем месяце");
    }

    @Test
    void shouldSurviveMalformedXml() throws Exception {
        byte[] full = Fixtures.bytes("feed.rss");
        byte[] truncated = Arrays.copyOf(full, full.length / 2);
        server.on("/broken.rss", ex -> LoopbackServer.respond(ex, 200, "application/rss+xml", truncated));

        assertThat(source("/broken.rss", false).poll()).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void shouldCarryUrlAndStatusInSourceErrors() {
        server.on("/gone.rss", ex -> LoopbackServer.respond(ex, 404, "text/plain", "gone"));

        assertThatThrownBy(() -> source("/gone.rss", false).poll())
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.url()).isEqualTo(server.url("/gone.rss"));
                    assertThat(e.getMessage()).contains("HTTP 404");
                });
    }
}
