package org.karaul.ingest.source;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.karaul.ingest.extract.SiteSelectors;
import org.karaul.ingest.testing.Fixtures;
import org.karaul.ingest.testing.LoopbackServer;
import org.karaul.ingest.testing.TestFetchers;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlListingSourceTest {
    LoopbackServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
        server.on("/news/list", ex -> LoopbackServer.respond(ex, 200, "text/html", Fixtures.bytes("listing.html")));
        server.on("/news/2026/11/22/border-1", ex -> LoopbackServer.respond(ex, 200, "text/html; charset=utf-8",
                Fixtures.bytes("article-border.html")));
        server.on("/news/2026/11/21/drills-2", ex -> LoopbackServer.respond(ex, 200, "text/html",
                Fixtures.bytes("article-drills.html")));
        server.on("/news/2026/11/20/broken-3", ex -> LoopbackServer.respond(ex, 500, "text/plain", "oops"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HtmlListingSource source(SiteSelectors selectors) {
        return new HtmlListingSource(new SourceSpec("test-list", "html", server.url("/news/list"),
                Duration.ofMinutes(10), "ru", "C", List.of("KG"), null, selectors, 10), TestFetchers.fast());
    }

    @Test
    void shouldFetchAndExtractArticlesFoundBySelector() throws Exception {
        List<Candidate> found = source(new SiteSelectors(null, null, null, null, ".news-list a")).poll();

        assertThat(found).extracting(Candidate::url).containsExactly(
                server.url("/news/2026/11/22/border-1"), server.url("/news/2026/11/21/drills-2"));
        Candidate border = found.get(0);
        assertThat(border.title()).isEqualTo("Пограничники задержали нарушителей на участке границы");
        assertThat(border.text()).startsWith("Двое граждан задержаны").doesNotContain("Читайте также", "Главная");
        assertThat(border.published()).isEqualTo(Instant.parse("2026-11-22T02:30:00Z"));
        assertThat(found.get(1).text()).doesNotContain("Комментарий читателя");
    }

    @Test
    void shouldFindArticleLinksWithoutSelectors() throws Exception {
        assertThat(source(SiteSelectors.NONE).poll()).hasSize(2);
    }

    @Test
    void shouldSkipLinkedFilesThatAreNotPages() throws Exception {
        server.on("/list2", ex -> LoopbackServer.respond(ex, 200, "text/html",
                "<div class='l'><a href='/img/2026-11-22-photo.jpg'>photo</a><a href='/news/2026/11/22/border-1'>a</a></div>"));
        server.on("/img", ex -> LoopbackServer.respond(ex, 200, "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2}));
        HtmlListingSource source = new HtmlListingSource(new SourceSpec("test-list2", "html", server.url("/list2"),
                Duration.ofMinutes(10), "ru", "C", List.of(), null, new SiteSelectors(null, null, null, null, ".l a"), 10),
                TestFetchers.fast());

        assertThat(source.poll()).extracting(Candidate::url).containsExactly(server.url("/news/2026/11/22/border-1"));
    }

    @Test
    void shouldNotRefetchArticlesOnTheNextPoll() throws Exception {
        HtmlListingSource source = source(SiteSelectors.NONE);
        source.poll();
        List<Candidate> again = source.poll();

        assertThat(again).hasSize(2);
        assertThat(server.count("/news/2026/11/22/border-1")).isEqualTo(1);
        assertThat(server.count("/news/2026/11/20/broken-3")).isEqualTo(4);
    }
}
