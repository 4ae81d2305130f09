package org.karaul.contract;

/**
 * A source that reported an item of a development or alert.
 *
 * @param sourceId configured source id
 * @param url      the item's canonical URL
 * @param grade    Admiralty reliability grade A–F, null when not graded
 */
public record SourceRef(String sourceId, String url, String grade) {
}
