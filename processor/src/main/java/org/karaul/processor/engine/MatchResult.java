package org.karaul.processor.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules that fired on one document, by slot of the {@link RuleBook}, each with its spans in
 * reading order. Hits are kept as ints and turned into merged spans when a rule's spans are first
 * asked for, as most fired rules are only counted. Not thread-safe.
 */
public final class MatchResult {
    private final String lang;
    private final RuleBook book;
    private final int[] fired;
    private final long[] firedBits;
    private final int[] from;
    private final int[] hits;
    private final List<Span>[] spans;
    private final String title;
    private final String text;

    /**
     * {@code fired}: the fired slots, ascending; the hits of the i-th are (field 0 title / 1 text,
     * start, end) triples in {@code hits[from[i], from[i + 1])}.
     */
    @SuppressWarnings("unchecked")
    MatchResult(String lang, RuleBook book, int[] fired, int[] from, int[] hits, String title, String text) {
        this.lang = lang;
        this.book = book;
        this.fired = fired;
        this.from = from;
        this.hits = hits;
        this.spans = new List[fired.length];
        this.title = title;
        this.text = text;
        this.firedBits = new long[(book.size() + 63) / 64];
        for (int slot : fired) {
            firedBits[slot >>> 6] |= 1L << slot;
        }
    }

    /** The language the document was matched as. */
    public String lang() {
        return lang;
    }

    public boolean has(RuleKey key) {
        int slot = book.slot(key);
        return slot >= 0 && has(slot);
    }

    /** Whether the rule in {@code slot} fired (even when every span of it lies inside a negation). */
    public boolean has(int slot) {
        return (firedBits[slot >>> 6] & 1L << slot) != 0;
    }

    public List<Span> spans(RuleKey key) {
        int slot = book.slot(key);
        return slot < 0 ? List.of() : spans(slot);
    }

    public List<Span> spans(int slot) {
        if (!has(slot)) {
            return List.of();
        }
        int i = Arrays.binarySearch(fired, slot);
        if (spans[i] == null) {
            List<Span> words = new ArrayList<>((from[i + 1] - from[i]) / 3);
            for (int h = from[i]; h < from[i + 1]; h += 3) {
                words.add(new Span(hits[h] == 0 ? "title" : "text", hits[h + 1], hits[h + 2]));
            }
            spans[i] = Highlights.merge(words, title, text);
        }
        return spans[i];
    }

    public int firedCount() {
        return fired.length;
    }

    /** The slot of the {@code i}-th fired rule, in ascending slot order. */
    public int firedSlot(int i) {
        return fired[i];
    }

    public RuleKey key(int slot) {
        return book.key(slot);
    }

    /** Every fired rule with its spans, in slot order: for tests and explanations. */
    public Map<RuleKey, List<Span>> asMap() {
        Map<RuleKey, List<Span>> out = new LinkedHashMap<>();
        for (int slot : fired) {
            out.put(book.key(slot), spans(slot));
        }
        return out;
    }
}
