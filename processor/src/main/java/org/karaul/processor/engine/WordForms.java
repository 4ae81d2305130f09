package org.karaul.processor.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.ru.RussianLightStemmer;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * The terms one lower-cased word is indexed under. Cyrillic words get the Russian Snowball stem
 * (Бишкеке, Таджикистана, задержаны reduce to their stems) with the light stem (case endings only)
 * stacked when it differs, because Snowball treats proper nouns unevenly (Кыргызстан and
 * Кыргызстане get different stems) and gazetteer names are matched on light stems. Latin words get
 * the English stem. Words shorter than three letters, {@code #} markers and words with digits stay
 * as they are. In {@link Mode#BOTH}, {@code p*} is stacked for each prefix p of a stem that a rule
 * asks for ({@code задерж*}), so a rule's prefix is an ordinary term.
 *
 * <p>Both engines read words through this class: the Lucene analyser ({@link ScriptStemFilter}) and
 * the {@link RuleIndex}. Not thread-safe (the stemmers hold state); each user keeps its own.
 */
final class WordForms {
    /** Marks a stacked prefix term: {@code задерж*} stands for every word whose stem starts so. */
    static final char PREFIX_MARK = '*';
    private static final int MIN_PREFIX = 2;
    private static final int MIN_STEMMED = 3;

    /** Which stems to emit: stems with stacked light stems and prefixes, or light stems only (gazetteer names). */
    enum Mode { BOTH, LIGHT }

    private final SnowballStemmer russian = new RussianStemmer();
    private final SnowballStemmer english = new EnglishStemmer();
    private final RussianLightStemmer light = new RussianLightStemmer();
    private final Mode mode;
    private final Set<String> prefixes;
    private final SuffixStripper stripper;
    private final HunspellStems hunspell;
    private final OtherScript otherScript;
    /** The hashes of {@code prefixes}, made when first needed, so a prefix no rule asks for is passed over without a string. */
    private StringHashes prefixHashes;

    /** {@code prefixes}: the rule prefixes to stack, without the mark; null stacks every prefix. */
    WordForms(Mode mode, Set<String> prefixes) {
        this(mode, prefixes, null, null);
    }

    /**
     * Word forms for documents in a language read with a {@link SuffixStripper} (Kazakh, Kyrgyz,
     * Uzbek, Tajik): the word's stems without its endings are stacked too, each with its script
     * stem, so Бишкекте matches the name Бишкек and баңгизаттар the rule term баңгизат; for Kazakh the
     * dictionary stems of {@link HunspellStems} are stacked beside them ({@code hunspell} may be null).
     */
    WordForms(Mode mode, Set<String> prefixes, SuffixStripper stripper, HunspellStems hunspell) {
        this(mode, prefixes, stripper, hunspell, null);
    }

    private WordForms(Mode mode, Set<String> prefixes, SuffixStripper stripper, HunspellStems hunspell, OtherScript otherScript) {
        this.mode = mode;
        this.prefixes = prefixes;
        this.stripper = stripper;
        this.hunspell = hunspell;
        this.otherScript = otherScript;
    }

    /**
     * The word forms for documents read in {@code lang}, with its suffix rules, dictionary stems and readings in the
     * other script or spelling ({@link OtherScript}: Uzbek, Kazakh Latin of 2018) where it has them.
     */
    static WordForms forLanguage(Mode mode, Set<String> prefixes, String lang) {
        return new WordForms(mode, prefixes, SuffixStripper.of(lang), HunspellStems.of(lang), OtherScript.of(lang));
    }

    /** The indexed term first, then the stacked ones, for the lower-cased word in {@code buf[0, len)}, which is left as it is. */
    String[] of(char[] buf, int len) {
        if (unstemmed(buf, len)) {
            return new String[] {new String(buf, 0, len)};
        }
        List<String> forms = new ArrayList<>(4);
        if (cyrillic(buf, len)) {
            char[] copy = java.util.Arrays.copyOf(buf, len);
            String lightStem = new String(copy, 0, light.stem(copy, len));
            if (mode == Mode.LIGHT) {
                return new String[] {lightStem};
            }
            forms.add(stem(russian, buf, len));
            if (!forms.get(0).equals(lightStem)) {
                forms.add(lightStem);
            }
        } else {
            forms.add(stem(english, buf, len));
        }
        if ((stripper != null || hunspell != null) && mode == Mode.BOTH) {
            String word = new String(buf, 0, len);
            if (stripper != null) {
                addStems(stripper.stems(word), forms);
            }
            if (hunspell != null) {
                addStems(hunspell.stems(word), forms);
            }
        }
        if (otherScript != null && mode == Mode.BOTH) {
            addReadings(new String(buf, 0, len), cyrillic(buf, len), forms);
        }
        if (mode == Mode.BOTH) {
            addPrefixes(forms);
        }
        return forms.toArray(new String[0]);
    }

    /**
     * Whether every form {@link #of} gives for the lower-cased word in {@code buf[0, len)} is a prefix of it (the word
     * itself counts): so when no prefix of the word is a term, none of its forms is, and it need not be stemmed. True
     * for a word kept as it is, and for a Cyrillic word without {@code ё} read with no suffix rules, dictionary stems or
     * other script: the Russian Snowball stemmer only deletes endings (apart from {@code ё}, which it writes as
     * {@code е}), the light stemmer only shortens, and a stacked {@code p*} has a prefix of a stem for {@code p}.
     */
    boolean formsArePrefixes(char[] buf, int len) {
        if (unstemmed(buf, len)) {
            return true;
        }
        if (!cyrillic(buf, len)) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (buf[i] == 'ё') {
                return false;
            }
        }
        return mode == Mode.LIGHT || stripper == null && hunspell == null && otherScript == null;
    }

    /** Short words, {@code #} markers and words with digits: indexed as they are. */
    static boolean unstemmed(char[] buf, int len) {
        return len < MIN_STEMMED || buf[0] == CapsMarkerFilter.MARK || hasDigit(buf, len);
    }

    /**
     * The word read in its other script, with the reading's script stem and its stems without endings, so an Uzbek
     * word reaches the terms, places and Russian loans of either script ({@code terrorizmga} as {@code терроризмга},
     * {@code терроризм}; {@code ҳужумда} as {@code hujumda}, {@code hujum}).
     */
    private void addReadings(String word, boolean cyrillic, List<String> forms) {
        for (String reading : otherScript.readings(word, cyrillic)) {
            addStems(List.of(reading), forms);
            char[] chars = reading.toCharArray();
            if (!cyrillic && chars.length >= MIN_STEMMED && cyrillic(chars, chars.length)) {
                addOnce(forms, stem(russian, chars, chars.length));
            }
            if (stripper != null) {
                addStems(stripper.stems(reading), forms);
            }
        }
    }

    /** Stems of a word, each followed by its own script stem, where not already there. */
    private void addStems(List<String> stems, List<String> forms) {
        for (String s : stems) {
            addOnce(forms, s);
            char[] chars = s.toCharArray();
            if (chars.length >= MIN_STEMMED) {
                if (cyrillic(chars, chars.length)) {
                    addOnce(forms, new String(chars, 0, light.stem(chars, chars.length)));
                } else {
                    addOnce(forms, stem(english, chars, chars.length));
                }
            }
        }
    }

    private static void addOnce(List<String> forms, String form) {
        if (!forms.contains(form)) {
            forms.add(form);
        }
    }

    /** Snowball stems in place in the array it is given, so it gets a copy. */
    private static String stem(SnowballStemmer stemmer, char[] buf, int len) {
        stemmer.setCurrent(new String(buf, 0, len));
        stemmer.stem();
        return new String(stemmer.getCurrentBuffer(), 0, stemmer.getCurrentBufferLength());
    }

    private void addPrefixes(List<String> forms) {
        if (prefixes != null && prefixHashes == null) {
            prefixHashes = new StringHashes(prefixes);
        }
        Set<String> marked = null;
        for (int f = forms.size() - 1; f >= 0; f--) {
            String base = forms.get(f);
            int h = 0;
            for (int n = 1; n <= base.length(); n++) {
                h = 31 * h + base.charAt(n - 1);
                if (prefixes != null && !prefixHashes.mayStart(h, n)) {
                    break; // no rule prefix begins with base[0, n), so none is base[0, m) for a longer m
                }
                // h is the hash of base[0, n): a prefix whose hash no rule prefix has is no rule prefix
                if (n >= MIN_PREFIX && (prefixes == null || prefixHashes.mayContain(h) && prefixes.contains(base.substring(0, n)))) {
                    if (marked == null) {
                        marked = new LinkedHashSet<>();
                    }
                    marked.add(base.substring(0, n) + PREFIX_MARK);
                }
            }
        }
        if (marked != null) {
            forms.addAll(marked);
        }
    }

    private static boolean hasDigit(char[] buf, int len) {
        for (int i = 0; i < len; i++) {
            if (isDigit(buf[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@link Character#isDigit(char)}, without its look-up in the large Unicode tables for the Latin and Cyrillic
     * letters that make up nearly every word: no character below {@code U+0660} (Arabic-Indic zero) is a digit but
     * {@code 0}–{@code 9}.
     */
    static boolean isDigit(char c) {
        return c < '\u0660' ? c >= '0' && c <= '9' : Character.isDigit(c);
    }

    private static boolean cyrillic(char[] buf, int len) {
        for (int i = 0; i < len; i++) {
            if (buf[i] >= '\u0400' && buf[i] <= '\u04FF') {
                return true;
            }
        }
        return false;
    }
}
