package org.karaul.processor.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules that fired on one document, by slot of the {@link RuleBook}, each with its spans in
 * reading order. A rule's word hits are merged into spans when first asked for, as most fired
 * rules are only counted. Not thread-safe.
 */
public final class MatchResult {
    private final String lang;
    private final RuleBook book;
    private final List<Span>[] spans;
    private final boolean[] merged;
    private final int[] fired;
    private final String title;
    private final String text;

    /**
     * {@code hits}: indexed by slot, each fired rule's word hits in any order, null where the rule
     * did not fire; {@code fired}: the fired slots, ascending.
     */
    MatchResult(String lang, RuleBook book, List<Span>[] hits, int[] fired, String title, String text) {
        this.lang = lang;
        this.book = book;
        this.spans = hits;
        this.merged = new boolean[hits.length];
        this.fired = fired;
        this.title = title;
        this.text = text;
    }

    /** The language the document was matched as. */
    public String lang() {
        return lang;
    }

    public boolean has(RuleKey key) {
        int slot = book.slot(key);
        return slot >= 0 && spans[slot] != null;
    }

    /** Whether the rule in {@code slot} fired (even when every span of it lies inside a negation). */
    public boolean has(int slot) {
        return spans[slot] != null;
    }

    public List<Span> spans(RuleKey key) {
        int slot = book.slot(key);
        return slot < 0 ? List.of() : spans(slot);
    }

    public List<Span> spans(int slot) {
        List<Span> s = spans[slot];
        if (s == null) {
            return List.of();
        }
        if (!merged[slot]) {
            s = spans[slot] = Highlights.merge(s, title, text);
            merged[slot] = true;
        }
        return s;
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
