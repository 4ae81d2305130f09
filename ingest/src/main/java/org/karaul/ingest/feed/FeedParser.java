package org.karaul.ingest.feed;

/** Reads feed bytes. Implementations are stateless and thread-safe. */
public interface FeedParser {

    /**
     * @param body        the document as fetched
     * @param contentType HTTP Content-Type, or null; its charset is a hint
     * @param baseUrl     where the document came from, for relative links; may be null
     */
    ParsedFeed parse(byte[] body, String contentType, String baseUrl) throws FeedParseException;

    /**
     * The parser the crawler uses: jsoup's lenient reader, which did better than ROME on the feedparser corpus
     * (see INGEST.md), with ROME as the fallback for documents it rejects.
     */
    static FeedParser standard() {
        return new FallbackFeedParser(new JsoupFeedParser(), new RomeFeedParser());
    }
}
