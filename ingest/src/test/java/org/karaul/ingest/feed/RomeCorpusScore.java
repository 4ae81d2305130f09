package org.karaul.ingest.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ROME's own test feeds: their synthetic values name themselves ({@code rss_2.0.channel.title}), so the expected
 * feed and first-entry titles can be read from the file.
 */
final class RomeCorpusScore {
    private static final Pattern FEED_TITLE = Pattern.compile(">\\s*([\\w.]+\\.(?:channel|feed)\\.title)\\s*<");
    private static final Pattern ENTRY_TITLE =
            Pattern.compile(">\\s*([\\w.]+\\.(?:channel\\.item|feed\\.entry|item)\\[0\\]\\.title)\\s*<");

    int files;
    int parsed;
    int crashes;
    int titleChecks;
    int titlesAgreeing;
    final List<String> notes = new ArrayList<>();

    static RomeCorpusScore run(FeedParser parser, Path root) {
        RomeCorpusScore s = new RomeCorpusScore();
        try (var walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".md")
                    && !f.getFileName().toString().equals("LICENSE")).sorted().toList()) {
                s.score(parser, root, p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s;
    }

    private void score(FeedParser parser, Path root, Path p) throws IOException {
        files++;
        byte[] body = Files.readAllBytes(p);
        ParsedFeed feed;
        try {
            feed = parser.parse(body, null, null);
            parsed++;
        } catch (FeedParseException e) {
            notes.add("unparsed " + root.relativize(p) + ": " + e.getMessage());
            return;
        } catch (RuntimeException | StackOverflowError e) {
            crashes++;
            notes.add("crash " + root.relativize(p) + ": " + e);
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        Matcher ft = FEED_TITLE.matcher(text);
        if (ft.find()) {
            check(root, p, ft.group(1), feed.title());
        }
        Matcher et = ENTRY_TITLE.matcher(text);
        if (et.find()) {
            check(root, p, et.group(1), feed.entries().isEmpty() ? null : feed.entries().get(0).title());
        }
    }

    private void check(Path root, Path p, String expected, String actual) {
        titleChecks++;
        if (expected.equals(actual)) {
            titlesAgreeing++;
        } else {
            notes.add("title " + root.relativize(p) + " expected [" + expected + "] got [" + actual + "]");
        }
    }

    String summary(String name) {
        return String.format("%-6s files=%d parsed=%d crashes=%d titles agreeing=%d/%d", name, files, parsed,
                crashes, titlesAgreeing, titleChecks);
    }
}
