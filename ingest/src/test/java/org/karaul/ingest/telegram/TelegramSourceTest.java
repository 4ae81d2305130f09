package org.karaul.ingest.telegram;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.karaul.ingest.source.Candidate;
import org.karaul.ingest.source.SourceException;
import org.karaul.ingest.source.SourceSpec;
import org.karaul.ingest.testing.Fixtures;
import org.karaul.ingest.testing.LoopbackServer;
import org.karaul.ingest.testing.TestFetchers;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TelegramSourceTest {
    LoopbackServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
        server.on("/s/testchannel", ex -> {
            String q = ex.getRequestURI().getRawQuery();
            String page = q != null && q.contains("before=102") ? "telegram-page2.html" : "telegram-page1.html";
            LoopbackServer.respond(ex, 200, "text/html; charset=utf-8", Fixtures.bytes(page));
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TelegramSource source(int maxItems) {
        return new TelegramSource(new SourceSpec("tg-test", "telegram", server.url("/s/testchannel"),
                Duration.ofMinutes(5), "ru", "B", List.of("KZ"), null, null, maxItems), TestFetchers.fast());
    }

    @Test
    void shouldReadPostsWithIdTimeTextAndLinks() throws Exception {
        List<Candidate> posts = source(3).poll();

        assertThat(posts).extracting(Candidate::url).containsExactly(server.url("/testchannel/104"),
                server.url("/testchannel/103"), server.url("/testchannel/102"));
        Candidate blast = posts.get(0);
        assertThat(blast.title()).isEqualTo("Взрыв на складе");
        assertThat(blast.text()).startsWith("Взрыв на складе\nНа окраине города произошёл взрыв")
                .contains("https://example.kz/news/blast?utm_source=tg");
        assertThat(blast.published()).isEqualTo(Instant.parse("2026-11-22T09:15:00Z"));
        assertThat(server.count("/s/testchannel")).isEqualTo(1);
    }

    @Test
    void shouldPageBackWithBeforeUntilEnoughPosts() throws Exception {
        List<Candidate> posts = source(10).poll();

        assertThat(posts).extracting(Candidate::url).contains(server.url("/testchannel/101"));
        assertThat(server.seen()).extracting(LoopbackServer.Seen::query).contains("before=102");
    }

    @Test
    void shouldFailWithSourceErrorWhenChannelIsUnreachable() {
        server.on("/s/missing", ex -> LoopbackServer.respond(ex, 404, "text/html", "nope"));
        TelegramSource missing = new TelegramSource(new SourceSpec("tg-missing", "telegram",
                server.url("/s/missing"), Duration.ofMinutes(5), "ru", "B", List.of()), TestFetchers.fast());

        assertThatThrownBy(missing::poll).isInstanceOf(SourceException.class).hasMessageContaining("tg-missing");
    }

    @Test
    void shouldStopPagingWhenServerIgnoresBefore() throws Exception {
        server.on("/s/static", ex -> LoopbackServer.respond(ex, 200, "text/html", Fixtures.bytes("telegram-page1.html")));
        TelegramSource source = new TelegramSource(new SourceSpec("tg-static", "telegram", server.url("/s/static"),
                Duration.ofMinutes(5), "ru", "B", List.of()), TestFetchers.fast());

        assertThat(source.poll()).hasSize(3);
        assertThat(server.count("/s/static")).isEqualTo(2);
    }

    @Test
    void shouldAddBeforeParameterOnce() {
        assertThat(TelegramSource.withBefore("https://t.me/s/chan?before=50", 40)).isEqualTo("https://t.me/s/chan?before=40");
        assertThat(TelegramSource.withBefore("https://t.me/s/chan", 40)).isEqualTo("https://t.me/s/chan?before=40");
    }
}
