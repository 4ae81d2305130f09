package org.karaul.ingest.extract;

/**
 * Per-site CSS selectors that override generic extraction; any may be null.
 *
 * @param title     element whose text is the headline
 * @param body      elements whose text is the article (in document order)
 * @param published element holding the time (its datetime/content attribute, or text)
 * @param remove    elements to drop from the body before taking its text
 * @param links     on listing pages, the article links (a elements or containers of them)
 */
public record SiteSelectors(String title, String body, String published, String remove, String links) {
    public static final SiteSelectors NONE = new SiteSelectors(null, null, null, null, null);
}
