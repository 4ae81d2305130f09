package org.karaul.ingest.extract;

import org.junit.jupiter.api.Test;
import org.karaul.ingest.testing.Fixtures;

import java.nio.charset.Charset;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ArticleExtractorTest {
    private final ArticleExtractor extractor = new ArticleExtractor();

    @Test
    void shouldExtractMainTextWithoutNavigationSharingRelatedOrFooter() {
        Article a = extractor.extract(Fixtures.text("article-border.html"), "https://news.example.kz/news/2026/11/22/border-1?utm_source=x");

        assertThat(a.title()).isEqualTo("Пограничники задержали нарушителей на участке границы");
        assertThat(a.text()).startsWith("Двое граждан задержаны").contains("досудебное расследование")
                .doesNotContain("Главная", "Telegram", "Читайте также", "Популярное", "Все права защищены");
        assertThat(a.published()).isEqualTo(Instant.parse("2026-11-22T02:30:00Z"));
        assertThat(a.author()).isEqualTo("Айгуль Сапарова");
        assertThat(a.lang()).isEqualTo("ru");
        assertThat(a.url()).isEqualTo("https://news.example.kz/news/2026/11/22/border-1");
    }

    @Test
    void shouldTakeDateAndAuthorFromJsonLdAndLeaveCommentsOut() {
        Article a = extractor.extract(Fixtures.text("article-drills.html"), null);

        assertThat(a.published()).isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
        assertThat(a.author()).isEqualTo("Редакция");
        assertThat(a.text()).doesNotContain("Комментарий читателя");
    }

    @Test
    void shouldFallBackToTimeElementAndUrlDate() {
        String withTime = "<html><body><article><time datetime='2026-05-01T06:00:00+05:00'>1 мая</time>"
                + "<p>" + "Текст статьи достаточно длинный, чтобы считаться статьёй. ".repeat(6) + "</p></article></body></html>";
        String withoutAnything = "<html><body><p>" + "Просто текст без даты, но длинный. ".repeat(8) + "</p></body></html>";

        assertThat(extractor.extract(withTime, null).published()).isEqualTo(Instant.parse("2026-05-01T01:00:00Z"));
        assertThat(extractor.extract(withoutAnything, "https://x.uz/2025/12/31/item").published())
                .isEqualTo(Instant.parse("2025-12-31T00:00:00Z"));
    }

    @Test
    void shouldDetectUndeclaredWindows1251() {
        String html = "<html><head><title>Новости</title></head><body><p>"
                + "Сотрудники службы национальной безопасности задержали группу лиц, подозреваемых в подготовке "
                + "преступлений, сообщили в ведомстве в понедельник вечером. ".repeat(3) + "</p></body></html>";
        byte[] cp1251 = html.getBytes(Charset.forName("windows-1251"));

        Article a = extractor.extract(cp1251, null, null, SiteSelectors.NONE);

        assertThat(a.text()).contains("Сотрудники службы национальной безопасности");
        assertThat(a.lang()).isEqualTo("ru");
    }

    @Test
    void shouldIgnoreInvalidOrWrongCharsetDeclarations() {
        String html = "<html><head><meta charset='windows-1251'></head><body><p>"
                + "Қазақстанда қауіпсіздік қызметі күдіктілерді ұстады, деп хабарлады ведомство. ".repeat(4)
                + "</p></body></html>";
        byte[] utf8 = html.getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(extractor.extract(utf8, "x-no-such-charset", null, SiteSelectors.NONE).text())
                .contains("Қазақстанда қауіпсіздік");
        assertThat(extractor.extract(utf8, null, null, SiteSelectors.NONE).lang()).isEqualTo("kk");
    }

    @Test
    void shouldPreferSiteSelectorsWhenGiven() {
        SiteSelectors s = new SiteSelectors("h1", ".article-body p", null, null, null);

        Article a = extractor.extract(Fixtures.text("article-border.html"), null, s);

        assertThat(a.text()).startsWith("Двое граждан").endsWith("проверяются следователями.");
    }

    @Test
    void shouldSurviveAbsurdlyDeepMarkup() {
        String deep = "<div>".repeat(50_000) + "<p>" + "Глубоко вложенный текст статьи. ".repeat(20) + "</p>"
                + "</div>".repeat(50_000);

        assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () ->
                assertThat(extractor.extract(deep, null).text()).contains("Глубоко вложенный текст"));
    }

    @Test
    void shouldReturnEmptyArticleForEmptyPage() {
        Article a = extractor.extract("", null);

        assertThat(a.text()).isEmpty();
        assertThat(a.title()).isEmpty();
    }
}
