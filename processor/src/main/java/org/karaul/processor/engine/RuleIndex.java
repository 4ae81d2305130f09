package org.karaul.processor.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The production engine: every rule of a {@link RuleBook} compiled into an index from analysed
 * term to the rule alternatives anchored on it, the presearcher idea of Lucene Monitor applied
 * straight to a document's words. A document is split and stemmed once ({@link WordSplitter},
 * {@link WordForms}, with a per-thread {@link WordCache} of each word's terms); every word looks up
 * the alternatives anchored on its terms (a phrase on its least used word), the rest of a phrase is
 * checked on the words around it, and proximity rules pair their two sides with Lucene's
 * unordered-span rule ({@link ProximityPairs}). The result is the same as {@link RuleMonitor}'s,
 * which {@code EngineAgreementTest} checks on the dev set and on real news text. Thread-safe.
 */
public final class RuleIndex implements RuleEngine {
    private final RuleBook book;
    private final Map<String, Integer> vocabulary = new HashMap<>();
    private final Set<String> prefixes;
    private final int[][] altTerms;
    /** Per alternative: which of its words is looked up; the others are checked around it. */
    private final int[] altAnchor;
    private final int[] altSlot;
    private final boolean[] altNear;
    /** Per slot: whether it is a proximity rule, and its reach. */
    private final boolean[] proximity;
    private final int[] within;
    /** Per rule language (index in {@link RuleLanguages#ALL}): term id to the alternatives anchored on it. */
    private final int[][][] starts;
    /** Every term, and every term and rule prefix without the prefix mark: what a word's prefixes are checked against. */
    private final StringHashes termPrefixes;
    /** Per thread, one document reader per rule language (each keeps its own word cache). */
    private final ThreadLocal<DocumentWords[]> scratch;

    public RuleIndex(RuleBook book) {
        this.book = book;
        this.prefixes = book.prefixes();
        List<int[]> terms = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        List<Boolean> near = new ArrayList<>();
        for (int slot = 0; slot < book.size(); slot++) {
            AnalysedRule rule = book.rule(slot);
            for (List<List<String>> side : List.of(rule.terms(), rule.near())) {
                for (List<String> phrase : side) {
                    terms.add(phrase.stream().mapToInt(t -> vocabulary.computeIfAbsent(t, k -> vocabulary.size())).toArray());
                    slots.add(slot);
                    near.add(side == rule.near() && rule.isProximity());
                }
            }
        }
        this.altTerms = terms.toArray(new int[0][]);
        this.altAnchor = anchors(altTerms, vocabulary);
        this.altSlot = slots.stream().mapToInt(Integer::intValue).toArray();
        this.altNear = new boolean[altSlot.length];
        for (int i = 0; i < altNear.length; i++) {
            altNear[i] = near.get(i);
        }
        this.proximity = new boolean[book.size()];
        this.within = new int[book.size()];
        for (int slot = 0; slot < book.size(); slot++) {
            proximity[slot] = book.rule(slot).isProximity();
            within[slot] = book.rule(slot).within();
        }
        this.starts = new int[RuleLanguages.ALL.size()][][];
        for (int l = 0; l < starts.length; l++) {
            starts[l] = postings(RuleLanguages.ALL.get(l));
        }
        List<String> known = new ArrayList<>(vocabulary.keySet());
        for (String term : vocabulary.keySet()) {
            if (term.endsWith(String.valueOf(WordForms.PREFIX_MARK))) {
                known.add(term.substring(0, term.length() - 1));
            }
        }
        known.addAll(prefixes);
        this.termPrefixes = new StringHashes(known);
        this.scratch = ThreadLocal.withInitial(() -> new DocumentWords[RuleLanguages.ALL.size()]);
    }

    /**
     * For each phrase, the word least often used across all alternatives (the longer on a tie), so
     * "border" rather than "the" finds "the Tajik-Afghan border".
     */
    private static int[] anchors(int[][] altTerms, Map<String, Integer> vocabulary) {
        int[] uses = new int[vocabulary.size()];
        int[] length = new int[vocabulary.size()];
        vocabulary.forEach((term, id) -> length[id] = term.length());
        for (int[] phrase : altTerms) {
            for (int t : phrase) {
                uses[t]++;
            }
        }
        int[] anchor = new int[altTerms.length];
        for (int alt = 0; alt < altTerms.length; alt++) {
            int[] phrase = altTerms[alt];
            for (int k = 1; k < phrase.length; k++) {
                int best = phrase[anchor[alt]];
                if (uses[phrase[k]] < uses[best] || uses[phrase[k]] == uses[best] && length[phrase[k]] > length[best]) {
                    anchor[alt] = k;
                }
            }
        }
        return anchor;
    }

    /** For each term, the alternatives anchored on it among the rules that apply to {@code lang}. */
    private int[][] postings(String lang) {
        List<List<Integer>> lists = new ArrayList<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            lists.add(new ArrayList<>());
        }
        for (int alt = 0; alt < altTerms.length; alt++) {
            if (book.appliesTo(altSlot[alt], lang)) {
                lists.get(altTerms[alt][altAnchor[alt]]).add(alt);
            }
        }
        int[][] out = new int[lists.size()][];
        for (int t = 0; t < out.length; t++) {
            out[t] = lists.get(t).isEmpty() ? null : lists.get(t).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    public int vocabularySize() {
        return vocabulary.size();
    }

    @Override
    public MatchResult match(String title, String text, String lang) {
        int l = RuleLanguages.index(lang);
        DocumentWords[] readers = scratch.get();
        if (readers[l] == null) {
            readers[l] = new DocumentWords(vocabulary, termPrefixes, prefixes, book.size(), RuleLanguages.ALL.get(l));
        }
        DocumentWords s = readers[l];
        s.read(title, text);
        int[][] starts = this.starts[l];
        int[] terms = s.terms;
        for (int p = 0; p < s.size; p++) {
            for (int t = s.termsFrom[p]; t < s.termsFrom[p + 1]; t++) {
                int[] alts = starts[terms[t]];
                if (alts != null) {
                    anchoredAt(s, alts, p);
                }
            }
        }
        HitTable table = s.table;
        table.clear();
        for (int word = 0; word < s.touchedSlots.length; word++) {
            long bits = s.touchedSlots[word];
            s.touchedSlots[word] = 0;
            while (bits != 0) {
                int slot = word * 64 + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                table.begin(slot);
                boolean fired = proximity[slot] ? ProximityPairs.pair(s, slot, within[slot], table) : plainHits(s, slot, table);
                if (fired) {
                    table.keep();
                } else {
                    table.drop();
                }
                s.hitCount[slot] = 0;
            }
        }
        s.hitLogSize = 0;
        return table.build(lang, book, title, text);
    }

    /** Records every alternative in {@code alts} whose whole phrase stands around its anchor word at position {@code p}. */
    private void anchoredAt(DocumentWords s, int[] alts, int p) {
        for (int alt : alts) {
            int[] phrase = altTerms[alt];
            int from = p - altAnchor[alt];
            int to = from + phrase.length;
            if (from < 0 || to > s.size) {
                continue;
            }
            boolean whole = true;
            for (int k = 0; k < phrase.length && whole; k++) {
                int q = from + k;
                whole = q == p || s.field[q] == s.field[p] && s.has(q, phrase[k]);
            }
            if (whole) {
                s.hit(altSlot[alt], altNear[alt], from, to);
            }
        }
    }

    /** Every alternative found, a phrase as one hit from its first word to its last, as Lucene reports it. */
    private static boolean plainHits(DocumentWords s, int slot, HitTable table) {
        int[] log = s.hitLog;
        for (int h = s.lastHit[slot]; h >= 0; h = log[h + 3]) {
            int from = log[h + 1];
            table.add(s.field[from] == 0, s.start[from], s.end[log[h + 2] - 1]);
        }
        return true;
    }

    @Override
    public void close() {
        // nothing held beyond memory
    }
}
