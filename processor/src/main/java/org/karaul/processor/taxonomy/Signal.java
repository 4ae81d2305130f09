package org.karaul.processor.taxonomy;

/**
 * A weighted indicator of a category. Each signal counts once however often it fires.
 *
 * @param matcher what fires it
 * @param weight  added to the category score when it fires (negative weights count against)
 */
public record Signal(Matcher matcher, double weight) {
}
