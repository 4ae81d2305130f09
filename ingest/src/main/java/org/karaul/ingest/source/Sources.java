package org.karaul.ingest.source;

import org.karaul.ingest.fetch.Fetcher;
import org.karaul.ingest.pdf.PdfSource;
import org.karaul.ingest.sitemap.SitemapSource;
import org.karaul.ingest.telegram.TelegramSource;

import java.util.List;

/** Builds the {@link Source} for a spec, by its type. */
public final class Sources {
    private Sources() {
    }

    public static Source create(SourceSpec spec, Fetcher fetcher) {
        return switch (spec.type()) {
            case "rss" -> new FeedSource(spec, fetcher);
            case "html" -> new HtmlListingSource(spec, fetcher);
            case "telegram" -> new TelegramSource(spec, fetcher);
            case "sitemap" -> new SitemapSource(spec, fetcher);
            case "pdf" -> new PdfSource(spec, fetcher);
            default -> throw new IllegalArgumentException("source " + spec.id() + ": unknown type " + spec.type());
        };
    }

    public static List<Source> createAll(List<SourceSpec> specs, Fetcher fetcher) {
        return specs.stream().map(s -> create(s, fetcher)).toList();
    }
}
