package org.karaul.ingest.feed;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expectation comment at the top of a feedparser test file: whether the feed is well-formed
 * ({@code not bozo}), the title and link equalities it states, and simulated HTTP headers.
 */
record FeedExpectation(boolean wellFormed, List<Check> checks, String contentType, String contentLocation) {

    /** One stated equality: {@code entry} -1 means the feed itself. */
    record Check(int entry, String field, String expected) {
    }

    private static final Pattern CHECK = Pattern.compile(
            "(feed|entries\\[(\\d+)\\])\\[['\"](title|link|title_detail)['\"]\\](\\[['\"]value['\"]\\])?\\s*==\\s*");

    static FeedExpectation read(byte[] file) {
        String text = decodeComment(file);
        Matcher m = Pattern.compile("Expect:\\s*(.*)").matcher(text);
        String expect = m.find() ? m.group(1) : "";
        List<Check> checks = new ArrayList<>();
        Matcher c = CHECK.matcher(expect);
        while (c.find()) {
            String literal = PythonString.read(expect, c.end());
            boolean detail = "title_detail".equals(c.group(3));
            if (literal != null && detail == (c.group(4) != null)) {
                checks.add(new Check(c.group(2) == null ? -1 : Integer.parseInt(c.group(2)), detail ? "title" : c.group(3),
                        literal));
            }
        }
        return new FeedExpectation(expect.contains("not bozo"), checks, header(text, "Content-Type"),
                header(text, "Content-Location"));
    }

    private static String header(String text, String name) {
        Matcher m = Pattern.compile("Header:\\s*" + name + ":\\s*(.*)", Pattern.CASE_INSENSITIVE).matcher(text);
        return m.find() ? m.group(1).trim() : null;
    }

    private static String decodeComment(byte[] file) {
        for (String cs : List.of("UTF-8", "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE")) {
            String s = new String(file, 0, Math.min(file.length, 8192), Charset.forName(cs));
            if (s.contains("Expect:")) {
                return s;
            }
        }
        return new String(file, StandardCharsets.ISO_8859_1);
    }
}
