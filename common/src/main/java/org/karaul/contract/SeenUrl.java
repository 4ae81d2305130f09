package org.karaul.contract;

import java.time.Instant;

/**
 * The crawler's memory of a canonical URL, on a compacted topic keyed by the item id,
 * so de-duplication survives restarts.
 *
 * @param url         canonical URL
 * @param contentHash hash of title and text of the latest version emitted
 * @param version     latest version emitted
 * @param seenAt      when that version was emitted
 */
public record SeenUrl(String url, String contentHash, int version, Instant seenAt) {
}
