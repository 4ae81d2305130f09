package org.karaul.processor.engine;

import java.util.Set;

/**
 * The forms a learned model's feature analyser ({@link KaraulAnalyzer#forFeatures}) gives one lower-cased token read in
 * a rule language (the token, its script stem, and for Kazakh, Kyrgyz, Uzbek and Tajik its stems without endings), in
 * the order that analyser stacks them, for a reader of {@link KaraulAnalyzer#forFeatureTokens} that takes the forms
 * itself instead of reading them as stacked tokens. Forms repeat, so they are kept by the token's characters, without
 * making a string to look them up, in two generations of at most {@value #GENERATION} words, as the analyser's own
 * filter keeps them. Not thread-safe.
 */
public final class FeatureStems {
    private static final int GENERATION = 8_192;
    private final WordForms forms;
    private final int minLength;
    private Generation young = new Generation();
    /** The generation before {@code young}; null until that first fills. */
    private Generation older;

    /**
     * The forms of one token, the indexed form first, and for each whether it is a word: at least {@code minLength}
     * characters and not all digits ({@link Character#isDigit(char)}). Shared, not to be changed.
     */
    public record Forms(String[] forms, boolean[] words) {
    }

    /** For documents read in rule language {@code lang}; words are forms of at least {@code minLength} characters, not all digits. */
    public FeatureStems(String lang, int minLength) {
        this.forms = new WordForms(WordForms.Mode.BOTH, Set.of(), SuffixStripper.of(lang), null);
        this.minLength = minLength;
    }

    /**
     * The forms of the lower-cased token {@code buf[0, len)}. A token kept as it is (a figure, a short word, a marker)
     * is its only form: it is not kept, so the figures of a stream do not crowd out its words.
     */
    public Forms of(char[] buf, int len) {
        if (WordForms.unstemmed(buf, len)) {
            return forms(new String[] {new String(buf, 0, len)});
        }
        int hash = 0;
        for (int i = 0; i < len; i++) {
            hash = 31 * hash + buf[i];
        }
        Forms found = young.get(buf, len, hash);
        if (found != null) {
            return found;
        }
        found = older == null ? null : older.get(buf, len, hash);
        if (found == null) {
            found = forms(forms.of(buf, len));
        }
        if (young.size >= GENERATION) {
            older = young;
            young = new Generation();
        }
        young.put(new String(buf, 0, len), hash, found);
        return found;
    }

    private Forms forms(String[] all) {
        boolean[] words = new boolean[all.length];
        for (int f = 0; f < all.length; f++) {
            words[f] = all[f].length() >= minLength && !allDigits(all[f]);
        }
        return new Forms(all, words);
    }

    private static boolean allDigits(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isDigit(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** One generation: open addressing on the word's hash, at most half full. */
    private static final class Generation {
        private static final int CAPACITY = 2 * GENERATION;
        private final int[] hashes = new int[CAPACITY];
        private final String[] words = new String[CAPACITY];
        private final Forms[] forms = new Forms[CAPACITY];
        private int size;

        Forms get(char[] buf, int len, int hash) {
            for (int i = index(hash); words[i] != null; i = (i + 1) & (CAPACITY - 1)) {
                if (hashes[i] == hash && same(words[i], buf, len)) {
                    return forms[i];
                }
            }
            return null;
        }

        void put(String word, int hash, Forms wordForms) {
            int i = index(hash);
            while (words[i] != null) {
                i = (i + 1) & (CAPACITY - 1);
            }
            hashes[i] = hash;
            words[i] = word;
            forms[i] = wordForms;
            size++;
        }

        private static boolean same(String word, char[] buf, int len) {
            if (word.length() != len) {
                return false;
            }
            for (int i = 0; i < len; i++) {
                if (word.charAt(i) != buf[i]) {
                    return false;
                }
            }
            return true;
        }

        private static int index(int hash) {
            int h = hash * 0x9E3779B9;
            return (h ^ (h >>> 16)) & (CAPACITY - 1);
        }
    }
}
