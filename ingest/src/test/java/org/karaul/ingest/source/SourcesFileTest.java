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
