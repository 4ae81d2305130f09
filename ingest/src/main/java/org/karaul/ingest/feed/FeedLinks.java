package org.karaul.ingest.feed;

import java.net.URI;

/** Resolving feed links against a base URL, leaving them alone when that is impossible. */
final class FeedLinks {
    private FeedLinks() {
    }

    static String resolve(String base, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String l = link.trim();
        if (base == null || base.isBlank()) {
            return l;
        }
        try {
            return URI.create(base.trim()).resolve(l.replace(" ", "%20")).toString();
        } catch (IllegalArgumentException e) {
            return l;
        }
    }
}
