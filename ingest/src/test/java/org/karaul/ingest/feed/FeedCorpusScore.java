package org.karaul.ingest.feed;

import org.jsoup.Jsoup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Runs a feed parser over the feedparser test files and counts parses, crashes and title/link agreement. */
final class FeedCorpusScore {
    int files;
    int wellFormed;
    int wellFormedParsed;
    int illFormedParsed;
    int crashes;
    int checkFiles;
    int checkFilesAgreeing;
    int checks;
    int checksAgreeing;
    final List<String> disagreements = new ArrayList<>();
    final List<String> crashed = new ArrayList<>();

    static FeedCorpusScore run(FeedParser parser, Path root) {
        FeedCorpusScore s = new FeedCorpusScore();
        for (Path p : feedFiles(root)) {
            s.score(parser, root, p);
        }
        return s;
    }

    static List<Path> feedFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(xml|rss|rdf|atom)$"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void score(FeedParser parser, Path root, Path p) {
        files++;
        byte[] body;
        try {
            body = Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FeedExpectation exp = FeedExpectation.read(body);
        wellFormed += exp.wellFormed() ? 1 : 0;
        ParsedFeed feed;
        try {
            String base = exp.contentLocation() != null ? exp.contentLocation()
                    : "http://127.0.0.1:8097/tests/" + root.relativize(p).toString().replace('\\', '/');
            feed = parser.parse(body, exp.contentType(), base);
        } catch (FeedParseException e) {
            return;
        } catch (RuntimeException | StackOverflowError e) {
            crashes++;
            crashed.add(root.relativize(p) + ": " + e);
            return;
        }
        if (!exp.wellFormed()) {
            illFormedParsed++;
            return;
        }
        wellFormedParsed++;
        if (exp.checks().isEmpty()) {
            return;
        }
        checkFiles++;
        boolean all = true;
        for (FeedExpectation.Check c : exp.checks()) {
            checks++;
            String actual = actual(feed, c);
            boolean ok = agree(c.field(), c.expected(), actual);
            checksAgreeing += ok ? 1 : 0;
            if (!ok) {
                all = false;
                disagreements.add(root.relativize(p) + " " + c.field() + " expected [" + c.expected()
                        + "] got [" + actual + "]");
            }
        }
        checkFilesAgreeing += all ? 1 : 0;
    }

    private static String actual(ParsedFeed feed, FeedExpectation.Check c) {
        if (c.entry() < 0) {
            return "title".equals(c.field()) ? feed.title() : feed.link();
        }
        if (c.entry() >= feed.entries().size()) {
            return null;
        }
        FeedEntry e = feed.entries().get(c.entry());
        return "title".equals(c.field()) ? e.title() : e.link();
    }

    static boolean agree(String field, String expected, String actual) {
        if (actual == null) {
            return expected.isEmpty();
        }
        if ("link".equals(field)) {
            return expected.trim().equals(actual.trim());
        }
        return normal(expected).equals(normal(actual))
                || normal(Jsoup.parseBodyFragment(expected).text()).equals(normal(actual));
    }

    private static String normal(String s) {
        return s.replace('\u00a0', ' ').replaceAll("\\s+", " ").trim();
    }

    double parseRate() {
        return wellFormed == 0 ? 0 : (double) wellFormedParsed / wellFormed;
    }

    double agreementRate() {
        return checkFiles == 0 ? 0 : (double) checkFilesAgreeing / checkFiles;
    }

    String summary(String name) {
        return String.format("%-6s files=%d crashes=%d well-formed=%d parsed=%d (%.1f%%) ill-formed parsed=%d "
                        + "title/link files agreeing=%d/%d (%.1f%%) checks agreeing=%d/%d",
                name, files, crashes, wellFormed, wellFormedParsed, 100 * parseRate(), illFormedParsed,
                checkFilesAgreeing, checkFiles, 100 * agreementRate(), checksAgreeing, checks);
    }
}
