package org.karaul.ingest.sitemap;

import java.time.Instant;

/**
 * One {@code <url>} or, in an index, one {@code <sitemap>}.
 *
 * @param loc       the URL
 * @param modified  news:publication_date, else lastmod; null when absent
 * @param title     news:title, null when absent
 * @param language  news:language, null when absent
 */
public record SitemapEntry(String loc, Instant modified, String title, String language) {
}
