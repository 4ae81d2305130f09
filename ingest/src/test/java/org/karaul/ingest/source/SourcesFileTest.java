package org.karaul.ingest.source;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourcesFileTest {

    @Test
    void shouldLoadBundledDefaultsCoveringEverySourceType() throws Exception {
        List<SourceSpec> specs = SourcesFile.loadDefault();

        Set<String> types = specs.stream().map(SourceSpec::type).collect(Collectors.toSet());
        assertThat(types).contains("rss", "html", "telegram", "sitemap", "pdf");
        assertThat(specs).allSatisfy(s -> {
            assertThat(s.grade()).matches("[A-F]");
            assertThat(s.regions()).isNotEmpty();
            assertThat(s.minInterval()).isLessThanOrEqualTo(s.interval());
        });
        assertThat(specs).extracting(SourceSpec::id).contains("24kg", "kun-uz", "tengrinews", "eurasianet",
                "csto-news", "sco-rats-news", "tg-kunuz");
    }

    @Test
    void shouldDescribeEveryBundledSourceAcrossTheRegion() throws Exception {
        List<SourceSpec> specs = SourcesFile.loadDefault();

        assertThat(specs).hasSizeGreaterThanOrEqualTo(60);
        assertThat(specs).allSatisfy(s -> {
            assertThat(s.lang()).as(s.id() + " lang").isNotNull();
            assertThat(s.profile().country()).as(s.id() + " country").isNotNull();
            assertThat(s.profile().kind()).as(s.id() + " kind").isNotNull();
            assertThat(s.profile().reason()).as(s.id() + " reason").isNotBlank();
        });
        Set<String> countries = specs.stream().map(s -> s.profile().country()).collect(Collectors.toSet());
        assertThat(countries).contains("KZ", "KG", "TJ", "UZ", "TM", "AF", "regional");
        Set<String> langs = specs.stream().map(SourceSpec::lang).collect(Collectors.toSet());
        assertThat(langs).contains("ru", "en", "kk", "ky", "uz", "tg", "tk", "ps", "fa");
        Set<String> kinds = specs.stream().map(s -> s.profile().kind()).collect(Collectors.toSet());
        assertThat(kinds).contains("official", "regional-body", "agency", "news");
        // both kinds of entry are present: URLs found in public copies, and URLs still to be checked from a connected host
        assertThat(specs).anySatisfy(s -> assertThat(s.profile().confirmed()).isTrue())
                .anySatisfy(s -> assertThat(s.profile().confirmed()).isFalse());
    }

    @Test
    void shouldReadTheProfileKeys() throws Exception {
        SourceSpec s = parse("""
                sources:
                  - {id: a, type: rss, url: 'https://example.tj/rss', lang: tg, grade: C, country: TJ, kind: agency,
                     reason: 'state agency: the official account', confirmed: false}
                  - {id: b, type: rss, url: 'https://example.org/rss', country: regional}
                """).get(0);

        assertThat(s.profile()).isEqualTo(new SourceProfile("TJ", "agency", "state agency: the official account", false));
        assertThat(parse("sources:\n  - {id: b, type: rss, url: 'https://example.org/rss'}\n").get(0).profile())
                .isEqualTo(SourceProfile.NONE);
    }

    @Test
    void shouldRejectBadProfileValues() {
        assertThatThrownBy(() -> parse("""
                sources:
                  - {id: a, type: rss, url: 'https://example.kz/rss', country: Kazakhstan}
                  - {id: b, type: rss, url: 'https://example.kz/rss', kind: blog}
                  - {id: c, type: rss, url: 'https://example.kz/rss', confirmed: 'yes'}
                  - {id: d, type: rss, url: 'https://example.kz/rss', lang: russian}
                  - id: e
                    type: rss
                    url: https://example.kz/rss
                    reason: |
                      first line
                      second line
                """))
                .isInstanceOfSatisfying(SourcesFileException.class, e -> assertThat(e.problems()).containsExactly(
                        "entry 1 (id a): country must be an ISO 3166 alpha-2 code in upper case or 'regional' (got Kazakhstan)",
                        "entry 2 (id b): kind must be one of " + new java.util.TreeSet<>(SourceProfile.KINDS) + " (got blog)",
                        "entry 3 (id c): confirmed must be true or false (got yes)",
                        "entry 4 (id d): lang must be a two-letter ISO 639-1 code in lower case (got russian)",
                        "entry 5 (id e): reason must be one line of at most 200 characters"));
    }

    @Test
    void shouldReadAllKeys() throws Exception {
        List<SourceSpec> specs = parse("""
                sources:
                  - id: demo
                    type: html
                    url: https://example.kg/news/
                    interval: 15m
                    minInterval: 90s
                    lang: ky
                    grade: C
                    regions: [KG]
                    maxItems: 7
                    selectors:
                      links: ".list a"
                      body: ".article p"
                """);

        SourceSpec s = specs.get(0);
        assertThat(s.interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.minInterval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.maxItems()).isEqualTo(7);
        assertThat(s.selectors().links()).isEqualTo(".list a");
        assertThat(s.selectors().body()).isEqualTo(".article p");
    }

    @Test
    void shouldNameFileAndEntryOfEveryProblem() {
        assertThatThrownBy(() -> parse("""
                sources:
                  - id: ok
                    type: rss
                    url: https://example.uz/rss
                  - id: Bad Id
                    type: rsss
                    url: ftp://example.uz/
                    grade: Z
                    interval: soon
                  - id: ok
                    type: rss
                    url: https://example.uz/rss2
                    colour: red
                """))
                .isInstanceOfSatisfying(SourcesFileException.class, e -> {
                    assertThat(e.getMessage()).startsWith("test.yaml: ");
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("entry 2 (id Bad Id): id must"));
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("type must be one of"));
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("url must be"));
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("grade must be"));
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("interval: not a duration"));
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).isEqualTo("entry 3 (id ok): unknown key 'colour'"));
                });
    }

    @Test
    void shouldRejectFileWithoutSourcesList() {
        assertThatThrownBy(() -> parse("feeds: []")).isInstanceOf(SourcesFileException.class)
                .hasMessageContaining("'sources:'");
    }

    private static List<SourceSpec> parse(String yaml) throws SourcesFileException {
        return SourcesFile.parse("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
