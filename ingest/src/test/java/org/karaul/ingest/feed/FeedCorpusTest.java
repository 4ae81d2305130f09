package org.karaul.ingest.feed;

import org.junit.jupiter.api.Test;
import org.karaul.ingest.testing.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feedparser and ROME test corpora through ROME, jsoup and the standard (ROME, then jsoup) parser.
 * Figures go to {@code target/feed-corpus.txt}. Skips when {@code shared/data} is absent.
 */
class FeedCorpusTest {

    @Test
    void shouldParseFeedparserCorpusWithoutCrashAndAgreeOnTitlesAndLinks() throws IOException {
        Path root = SharedData.require("feedparser-tests");
        List<String> report = new ArrayList<>();
        FeedCorpusScore rome = FeedCorpusScore.run(new RomeFeedParser(), root);
        FeedCorpusScore jsoup = FeedCorpusScore.run(new JsoupFeedParser(), root);
        FeedCorpusScore standard = FeedCorpusScore.run(FeedParser.standard(), root);
        report.add("feedparser-tests:");
        report.add(rome.summary("rome"));
        report.add(jsoup.summary("jsoup"));
        report.add(standard.summary("std"));
        report.add("std disagreements:");
        report.addAll(standard.disagreements);
        report.addAll(standard.crashed);
        report.add("jsoup disagreements:");
        report.addAll(jsoup.disagreements);
        report.add("rome disagreements:");
        report.addAll(rome.disagreements);
        write(report);

        assertThat(standard.crashed).isEmpty();
        assertThat(standard.files).isGreaterThanOrEqualTo(2100);
        assertThat(standard.parseRate()).isGreaterThan(0.995);
        assertThat(standard.agreementRate()).isGreaterThan(0.98);
    }

    @Test
    void shouldParseRomeTestFeedsWithoutCrash() throws IOException {
        Path root = SharedData.require("rome-test-feeds");
        RomeCorpusScore std = RomeCorpusScore.run(FeedParser.standard(), root);
        RomeCorpusScore rome = RomeCorpusScore.run(new RomeFeedParser(), root);
        RomeCorpusScore jsoup = RomeCorpusScore.run(new JsoupFeedParser(), root);
        List<String> report = new ArrayList<>(List.of("rome-test-feeds:", rome.summary("rome"), jsoup.summary("jsoup"),
                std.summary("std")));
        report.addAll(std.notes);
        Files.write(Path.of("target", "feed-corpus-rome.txt"), report);

        assertThat(std.crashes).isZero();
        assertThat(std.titlesAgreeing).isEqualTo(std.titleChecks);
    }

    private static void write(List<String> lines) throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "feed-corpus.txt"), lines);
    }
}
