package org.karaul.processor.engine;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * One thread's working memory for {@link RuleIndex}: the document's words (offsets, field, term
 * ids from a {@link WordCache}) and the hits found, chained per rule in one log. Reused from one
 * document to the next; not thread-safe.
 */
final class DocumentWords implements WordSplitter.Sink {
    private static final int[] NONE = new int[0];
    private final Map<String, Integer> vocabulary;
    /** Every term, and every rule prefix without its mark: a word with no prefix among them has no term. */
    private final StringHashes termPrefixes;
    private final WordSplitter splitter = new WordSplitter();
    private final WordForms forms;
    /**
     * The words read lately, and the generation before: a new word goes into {@code cache}, and when that is full it
     * becomes {@code previous} and a new one starts. A word found in {@code previous} is copied over, not stemmed
     * again, so the one-off words of a stream (names, figures) that fill the cache do not cost its everyday words.
     */
    private WordCache cache = new WordCache();
    private WordCache previous;
    final HitTable table = new HitTable();
    int size;
    int[] start = new int[256];
    int[] end = new int[256];
    byte[] field = new byte[256];
    /** The term ids of word p are {@code terms[termsFrom[p], termsFrom[p + 1])}, its acronym marker among them. */
    int[] terms = new int[1024];
    int[] termsFrom = new int[257];
    byte currentField;
    /**
     * Every hit of this document, four ints each: near side (0/1), first word, end word, index of
     * the slot's previous hit (-1 for its first); {@code lastHit[slot]} starts each slot's chain.
     */
    int[] hitLog = new int[1024];
    int hitLogSize;
    final int[] lastHit;
    final int[] hitCount;
    /** The slots with hits, one bit each, so they are read back in slot order without sorting. */
    final long[] touchedSlots;

    /** {@code lang}: the rule language documents are read in, which decides whether word stems are stacked. */
    DocumentWords(Map<String, Integer> vocabulary, StringHashes termPrefixes, Set<String> prefixes, int slots, String lang) {
        this.vocabulary = vocabulary;
        this.termPrefixes = termPrefixes;
        this.forms = WordForms.forLanguage(WordForms.Mode.BOTH, prefixes, lang);
        lastHit = new int[slots];
        hitCount = new int[slots];
        touchedSlots = new long[(slots + 63) / 64];
    }

    void read(String title, String text) {
        size = 0;
        currentField = 0;
        splitter.split(title, this);
        currentField = 1;
        splitter.split(text, this);
    }

    @Override
    public void word(char[] lower, int len, int hash, boolean acronym, int s, int e) {
        if (size == start.length) {
            grow();
        }
        int slot = cache.find(lower, len, hash);
        int from = 0;
        int count = 0;
        if (slot >= 0 || !termless(lower, len)) {
            if (slot < 0) {
                slot = remember(lower, len, hash);
            }
            from = cache.idsFrom(slot);
            count = cache.idsCount(slot);
        }
        start[size] = s;
        end[size] = e;
        field[size] = currentField;
        int at = termsFrom[size];
        if (at + count + 1 > terms.length) {
            terms = Arrays.copyOf(terms, Math.max(terms.length * 2, at + count + 1));
        }
        int[] pool = cache.ids();
        for (int k = 0; k < count; k++) {
            terms[at++] = pool[from + k];
        }
        if (acronym) {
            int marker = vocabulary.getOrDefault(CapsMarkerFilter.MARK + new String(lower, 0, len), -1);
            if (marker >= 0) {
                terms[at++] = marker;
            }
        }
        termsFrom[++size] = at;
    }

    /**
     * Whether the word certainly has no terms: its forms are all prefixes of it and none of its prefixes is a term. Most
     * one-off names and figures are such words; they are neither stemmed nor kept in the cache, which so stays small
     * enough to be read from the processor's own cache rather than from memory.
     */
    private boolean termless(char[] lower, int len) {
        return forms.formsArePrefixes(lower, len) && !termPrefixes.mayHavePrefix(lower, 1, len);
    }

    /** Puts a word not in {@code cache} there, with the ids the previous generation has for it or else its own. */
    private int remember(char[] lower, int len, int hash) {
        int earlier = previous == null ? -1 : previous.find(lower, len, hash);
        int[] ids = earlier >= 0 ? previous.idsOf(earlier) : termIds(forms.of(lower, len));
        if (cache.full()) {
            previous = cache;
            cache = new WordCache();
        }
        return cache.put(lower, len, hash, ids);
    }

    private int[] termIds(String[] terms) {
        int[] out = new int[terms.length];
        int n = 0;
        for (String t : terms) {
            if (!termPrefixes.mayContain(t.hashCode())) {
                continue; // every term is among termPrefixes' strings: a form whose hash is not there is no term
            }
            Integer id = vocabulary.get(t);
            if (id != null) {
                out[n++] = id;
            }
        }
        return n == 0 ? NONE : Arrays.copyOf(out, n);
    }

    private void grow() {
        int cap = start.length * 2;
        start = Arrays.copyOf(start, cap);
        end = Arrays.copyOf(end, cap);
        field = Arrays.copyOf(field, cap);
        termsFrom = Arrays.copyOf(termsFrom, cap + 1);
    }

    boolean has(int p, int term) {
        for (int t = termsFrom[p]; t < termsFrom[p + 1]; t++) {
            if (terms[t] == term) {
                return true;
            }
        }
        return false;
    }

    void hit(int slot, boolean near, int from, int to) {
        if (hitCount[slot]++ == 0) {
            touchedSlots[slot >>> 6] |= 1L << slot;
            lastHit[slot] = -1;
        }
        if (hitLogSize + 4 > hitLog.length) {
            hitLog = Arrays.copyOf(hitLog, hitLog.length * 2);
        }
        int at = hitLogSize;
        hitLog[at] = near ? 1 : 0;
        hitLog[at + 1] = from;
        hitLog[at + 2] = to;
        hitLog[at + 3] = lastHit[slot];
        lastHit[slot] = at;
        hitLogSize += 4;
    }

}
