package org.karaul.ingest.source;

import org.karaul.config.ConfigException;

/** Builds the {@link Source} for a configured source by its type. */
public final class Sources {
    private Sources() {
    }

    public static Source create(SourceSpec spec, HttpPages http, boolean fetchArticles) {
        return switch (spec.type()) {
            case "rss", "atom" -> new RssSource(spec, http, fetchArticles);
            default -> throw new ConfigException("sources." + spec.id() + ".type", null,
                    "unsupported source type '" + spec.type() + "'");
        };
    }
}
