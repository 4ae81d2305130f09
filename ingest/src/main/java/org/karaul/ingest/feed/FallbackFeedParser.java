package org.karaul.ingest.feed;

/** Tries one parser, then another; fails with the first one's reason when both fail. */
final class FallbackFeedParser implements FeedParser {
    private final FeedParser first;
    private final FeedParser second;

    FallbackFeedParser(FeedParser first, FeedParser second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public ParsedFeed parse(byte[] body, String contentType, String baseUrl) throws FeedParseException {
        try {
            return first.parse(body, contentType, baseUrl);
        } catch (FeedParseException strict) {
            try {
                return second.parse(body, contentType, baseUrl);
            } catch (FeedParseException lenient) {
                strict.addSuppressed(lenient);
                throw strict;
            }
        }
    }
}
