package org.karaul.processor.engine;

/**
 * What a stored query stands for.
 *
 * @param kind  which part of the taxonomy it comes from
 * @param name  category id, context or cue name, group id or place index
 * @param index position within that part (signal, exclusion or matcher number)
 * @param lang  {@code en}, {@code ru} or {@code any}
 */
public record RuleKey(Kind kind, String name, int index, String lang) {

    /** The parts of a taxonomy that become stored queries. */
    public enum Kind { SIGNAL, EXCLUDE, CONTEXT, CUE, GROUP, PLACE }

    String queryId() {
        return kind.name().charAt(0) + kind.name().substring(1, 2) + "/" + name + "/" + index;
    }
}
