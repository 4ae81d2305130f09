package org.karaul.ingest.extract;

import org.junit.jupiter.api.Test;
import org.karaul.ingest.testing.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Extraction quality on real pages with ground truth; floors a little under the measured figures (INGEST.md). */
class ExtractionBenchmarkTest {

    @Test
    void shouldMatchZyteGroundTruthAtLeastAsWellAsMeasured() throws IOException {
        ZyteBenchmark b = ZyteBenchmark.run(SharedData.require("zyte-article-benchmark"));
        report("zyte.txt", b.score.summary());

        assertThat(b.score.size()).isEqualTo(181);
        assertThat(b.score.f1()).isGreaterThan(0.965);
    }

    @Test
    void shouldMatchReadabilityExpectedTextAtLeastAsWellAsMeasured() throws IOException {
        ReadabilityPagesBenchmark b = ReadabilityPagesBenchmark.run(SharedData.require("readability-test-pages"));
        report("readability-pages.txt", b.summary());

        assertThat(b.score.size()).isGreaterThan(100);
        assertThat(b.score.f1()).isGreaterThan(0.95);
    }

    @Test
    void shouldDoWellOnFundusPublisherPagesItWasNotTunedOn() throws IOException {
        FundusBenchmark b = FundusBenchmark.run(SharedData.require("fundus-parser-tests"));
        report("fundus.txt", b.score.summary());

        assertThat(b.score.size()).isGreaterThan(100);
        assertThat(b.score.f1()).isGreaterThan(0.93);
    }

    @Test
    void shouldExtractRussianAgencyArticleWithItsTimestamp() throws IOException {
        Path dir = SharedData.require("tgcontest-example");
        com.fasterxml.jackson.databind.JsonNode expected = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("example1.json").toFile());

        Article a = new ArticleExtractor().extract(Files.readAllBytes(dir.resolve("example1.html")), null, null,
                SiteSelectors.NONE);

        assertThat(a.published()).isEqualTo(java.time.Instant.ofEpochSecond(expected.path("timestamp").asLong()));
        assertThat(a.lang()).isEqualTo("ru");
        assertThat(a.text()).contains(expected.path("text").asText().lines().findFirst().orElseThrow());
    }

    /** About a minute, so only on request: {@code -Dkaraul.bench=all}. */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "karaul.bench", matches = "all")
    void shouldDoWellOnTrafilaturaEvaluationSetItWasNotTunedOn() throws IOException {
        TrafilaturaEvalBenchmark b = TrafilaturaEvalBenchmark.run(SharedData.require("trafilatura-eval"));
        report("trafilatura-eval.txt", b.summary());

        assertThat(b.documents).isEqualTo(990);
        assertThat(b.f1()).isGreaterThan(0.89);
    }

    private static void report(String name, String line) throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", name), List.of(line));
    }
}
