package org.karaul.ingest.source;

import org.karaul.ingest.fetch.Fetcher;
import org.karaul.ingest.pdf.PdfSource;
import org.karaul.ingest.sitemap.SitemapSource;
import org.karaul.ingest.telegram.TelegramSource;

/** Builds the {@link Source} for a spec, by its type. */
public final class Sources {
    private Sources() {
    }

    /**
     * @param fetchArticles whether feed sources fetch each entry's page for the full text
     */
    public static Source create(SourceSpec spec, Fetcher fetcher, boolean fetchArticles) {
        return switch (spec.type()) {
            case "rss", "atom" -> new FeedSource(spec, fetcher, fetchArticles);
            case "html" -> new HtmlListingSource(spec, fetcher);
            case "telegram" -> new TelegramSource(spec, fetcher);
            case "sitemap" -> new SitemapSource(spec, fetcher);
            case "pdf" -> new PdfSource(spec, fetcher);
            default -> throw new IllegalArgumentException("source " + spec.id() + ": unknown type " + spec.type());
        };
    }

    public static Source create(SourceSpec spec, Fetcher fetcher) {
        return create(spec, fetcher, true);
    }
}
