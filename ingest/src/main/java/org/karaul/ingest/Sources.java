package org.karaul.ingest;

import org.karaul.ingest.fetch.Fetcher;
import org.karaul.ingest.pdf.PdfSource;
import org.karaul.ingest.sitemap.SitemapSource;
import org.karaul.ingest.source.FeedSource;
import org.karaul.ingest.source.HtmlListingSource;
import org.karaul.ingest.source.Source;
import org.karaul.ingest.source.SourceSpec;
import org.karaul.ingest.telegram.TelegramSource;

/** Builds the {@link Source} for a spec, by its type; it lives here, above {@code source} and its kinds, so that {@code source} imports none of them. */
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
