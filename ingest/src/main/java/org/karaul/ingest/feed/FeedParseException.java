package org.karaul.ingest.feed;

/** A document could not be read as a feed. The message is one line. */
public final class FeedParseException extends Exception {
    public FeedParseException(String reason, Throwable cause) {
        super(oneLine(reason), cause);
    }

    private static String oneLine(String s) {
        return s == null ? "unreadable feed" : s.replaceAll("\\s+", " ").trim();
    }
}
