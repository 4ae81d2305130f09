package org.karaul.contract;

/**
 * A span of an item that made a rule fire.
 *
 * @param field {@code title} or {@code text}
 * @param start character offset of the first matched character in that field
 * @param end   character offset just past the match
 * @param term  the matched text as it stands in the field
 */
public record Evidence(String field, int start, int end, String term) {
}
