package org.karaul.processor.engine;

import java.util.Arrays;

/**
 * Collects the word hits of one document's fired rules as plain ints (field, start, end per hit),
 * rule by rule in ascending slot order, so a {@link MatchResult} builds span objects only for the
 * rules someone reads. Reused per thread by the rule index; {@link #build} copies what it holds.
 */
final class HitTable {
    private int[] slots = new int[64];
    private int[] from = new int[65];
    private int[] data = new int[768];
    private int rules;
    private int size;

    void clear() {
        rules = 0;
        size = 0;
    }

    /** Starts the hits of {@code slot}, which must be above the previous rule's. */
    void begin(int slot) {
        if (rules == slots.length) {
            slots = Arrays.copyOf(slots, rules * 2);
            from = Arrays.copyOf(from, rules * 2 + 1);
        }
        slots[rules] = slot;
        from[rules] = size;
    }

    void add(boolean title, int start, int end) {
        if (size + 3 > data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        data[size] = title ? 0 : 1;
        data[size + 1] = start;
        data[size + 2] = end;
        size += 3;
    }

    /** Keeps the rule begun last (it fired); {@link #drop} forgets it instead. */
    void keep() {
        rules++;
        from[rules] = size;
    }

    void drop() {
        size = from[rules];
    }

    MatchResult build(String lang, RuleBook book, String title, String text) {
        return new MatchResult(lang, book, Arrays.copyOf(slots, rules), Arrays.copyOf(from, rules + 1),
                Arrays.copyOf(data, size), title, text);
    }
}
