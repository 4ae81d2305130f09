package org.karaul.export.stix;

/**
 * A pointer to something outside STIX: a source article, or the development in Karaul.
 *
 * @param sourceName  the source id, or {@code karaul}
 * @param description what it is
 * @param url         the article's URL
 * @param externalId  the development id, for the {@code karaul} reference
 */
public record ExternalReference(String sourceName, String description, String url, String externalId) {
}
