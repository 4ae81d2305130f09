package org.karaul.processor.engine;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * One analyser for English, Russian and Central Asian Latin text: Unicode word splitting,
 * apostrophes dropped (Farg'ona, Oʻzbekiston, Taliban's), ё folded to е, acronyms marked,
 * lower-casing, then per-script Snowball stemming. Rules and documents pass through the same
 * chain, so a rule written in one inflected form matches the others.
 */
public final class KaraulAnalyzer extends Analyzer {
    private static final NormalizeCharMap CHARS = chars();
    private final WordForms.Mode mode;
    private final java.util.Set<String> prefixes;
    private final String lang;
    private final boolean dictionaryStems;
    /** False for {@link #forFeatureTokens}: the lower-cased tokens, without their forms. */
    private final boolean stems;
    /** False for {@link #forFeatureTokens}{@code (false)}: no character is mapped (for a text with none to map). */
    private final boolean mapChars;

    /** The analyser for documents and taxonomy rules, stacking every word prefix. */
    public KaraulAnalyzer() {
        this(WordForms.Mode.BOTH, null);
    }

    KaraulAnalyzer(WordForms.Mode mode, java.util.Set<String> prefixes) {
        this(mode, prefixes, null, false);
    }

    private KaraulAnalyzer(WordForms.Mode mode, java.util.Set<String> prefixes, String lang, boolean dictionaryStems) {
        this(mode, prefixes, lang, dictionaryStems, true, true);
    }

    private KaraulAnalyzer(WordForms.Mode mode, java.util.Set<String> prefixes, String lang, boolean dictionaryStems,
            boolean stems, boolean mapChars) {
        this.mode = mode;
        this.prefixes = prefixes == null ? null : java.util.Set.copyOf(prefixes);
        this.lang = lang;
        this.dictionaryStems = dictionaryStems;
        this.stems = stems;
        this.mapChars = mapChars;
    }

    /** The analyser for documents, stacking only the word prefixes that rules ask for. */
    static KaraulAnalyzer forDocuments(java.util.Set<String> rulePrefixes) {
        return forDocuments(rulePrefixes, null);
    }

    /**
     * The analyser for documents read as {@code lang}: for Kazakh, Kyrgyz, Uzbek and Tajik the
     * stems without inflectional endings are stacked as well ({@link SuffixStripper}, and for Kazakh
     * {@link HunspellStems}).
     */
    static KaraulAnalyzer forDocuments(java.util.Set<String> rulePrefixes, String lang) {
        return new KaraulAnalyzer(WordForms.Mode.BOTH, rulePrefixes, lang, true);
    }

    /**
     * The analyser for a learned model's features: the document forms (word, script stem, and for
     * Kazakh, Kyrgyz, Uzbek and Tajik the stems without endings) without rule prefixes. The Kazakh
     * dictionary stems ({@link HunspellStems}) are left out: the bundled model was trained without them.
     */
    public static KaraulAnalyzer forFeatures(String lang) {
        return new KaraulAnalyzer(WordForms.Mode.BOTH, java.util.Set.of(), lang, false);
    }

    /**
     * The tokens {@link #forFeatures} stems, lower-cased, with the acronym markers, in the same order and at the same
     * positions and offsets: for a reader that takes each token's forms from a {@link FeatureStems} instead of stacking
     * them as tokens. With {@code mapChars} false the apostrophes and {@code ё} are not mapped, which changes nothing
     * for a text that has none of them ({@link #mapsNothing}).
     */
    public static KaraulAnalyzer forFeatureTokens(boolean mapChars) {
        return new KaraulAnalyzer(WordForms.Mode.BOTH, java.util.Set.of(), null, false, false, mapChars);
    }

    /** Whether the character filter leaves {@code text} as it is: none of its apostrophes, no {@code ё} or {@code Ё}. */
    public static boolean mapsNothing(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'ё' || c == 'Ё' || WordSplitter.apostrophe(c)) {
                return false;
            }
        }
        return true;
    }

    /** The analyser for gazetteer names: light Russian stems only, matched against the stacked light stems. */
    static KaraulAnalyzer forNames() {
        return new KaraulAnalyzer(WordForms.Mode.LIGHT, null, null, false);
    }

    private static NormalizeCharMap chars() {
        NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
        for (String apostrophe : new String[] {"'", "\u2019", "\u2018", "\u02BB", "\u02BC", "`", "\u00B4"}) {
            b.add(apostrophe, "");
        }
        b.add("ё", "е");
        b.add("Ё", "Е");
        return b.build();
    }

    /** Keeps phrases and proximity rules from running from the title into the text. */
    @Override
    public int getPositionIncrementGap(String fieldName) {
        return 1000;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return mapChars ? new MappingCharFilter(CHARS, reader) : reader;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new CapsMarkerFilter(source);
        stream = new LowerCaseFilter(stream);
        if (!stems) {
            return new TokenStreamComponents(source, stream);
        }
        stream = new ScriptStemFilter(stream, dictionaryStems
                ? WordForms.forLanguage(mode, prefixes, lang)
                : new WordForms(mode, prefixes, SuffixStripper.of(lang), null));
        return new TokenStreamComponents(source, stream);
    }
}
