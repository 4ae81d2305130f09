package org.karaul.processor.engine;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ru.RussianLightStemmer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Stems each lower-cased token by its script: Cyrillic words with the Russian Snowball stemmer
 * (Бишкеке, Таджикистана, задержаны reduce to their stems), Latin words with the English one.
 * Tokens starting with {@code #} (upper-case markers) and tokens with digits are left alone.
 *
 * <p>Snowball treats proper nouns unevenly (Кыргызстан and Кыргызстане get different stems), so a
 * Cyrillic word also gets its light stem (case endings only) stacked at the same position when it
 * differs; gazetteer names are matched on light stems. In {@link Mode#LIGHT} only the light stem is
 * emitted, which is how gazetteer aliases are analysed.
 */
final class ScriptStemFilter extends TokenFilter {
    /** Marks a stacked prefix token: {@code задерж*} stands for every word whose stem starts so. */
    static final char PREFIX_MARK = '*';
    private static final int MIN_PREFIX = 2;

    /** Which stems to emit. */
    enum Mode { BOTH, LIGHT }

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final SnowballStemmer russian = new RussianStemmer();
    private final SnowballStemmer english = new EnglishStemmer();
    private final RussianLightStemmer light = new RussianLightStemmer();
    private final Mode mode;
    private final java.util.Set<String> prefixes;
    private AttributeSource.State pending;
    private static final int CACHE_SIZE = 50_000;
    private final java.util.HashMap<String, String[]> cache = new java.util.HashMap<>();
    private final java.util.ArrayDeque<String> stacked = new java.util.ArrayDeque<>();

    /** {@code prefixes}: the rule prefixes to stack, without the mark; null stacks every prefix. */
    ScriptStemFilter(TokenStream in, Mode mode, java.util.Set<String> prefixes) {
        super(in);
        this.mode = mode;
        this.prefixes = prefixes;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!stacked.isEmpty()) {
            restoreState(pending);
            String next = stacked.poll();
            term.setEmpty().append(next);
            posInc.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        char[] buf = term.buffer();
        int len = term.length();
        if (len < 3 || buf[0] == CapsMarkerFilter.MARK) {
            return true;
        }
        String word = new String(buf, 0, len);
        String[] forms = cache.get(word);
        if (forms == null) {
            forms = forms(buf, len);
            if (cache.size() >= CACHE_SIZE) {
                cache.clear();
            }
            cache.put(word, forms);
        }
        term.setEmpty().append(forms[0]);
        for (int i = 1; i < forms.length; i++) {
            stacked.add(forms[i]);
        }
        if (!stacked.isEmpty()) {
            pending = captureState();
        }
        return true;
    }

    /** The token to emit and the ones to stack for a lower-cased word (stems repeat, so they are cached per filter). */
    private String[] forms(char[] buf, int len) {
        SnowballStemmer stemmer = script(buf, len);
        if (stemmer == russian) {
            stemRussian(buf, len);
        } else if (stemmer != null) {
            stemmer.setCurrent(buf, len);
            stemmer.stem();
            term.copyBuffer(stemmer.getCurrentBuffer(), 0, stemmer.getCurrentBufferLength());
        }
        if (mode == Mode.BOTH && stemmer != null) {
            addPrefixes(term.toString());
        }
        String[] forms = new String[1 + stacked.size()];
        forms[0] = term.toString();
        int i = 1;
        while (!stacked.isEmpty()) {
            forms[i++] = stacked.poll();
        }
        return forms;
    }

    /**
     * Stacks {@code p*} for each prefix p (2 letters or more) of a stem that some rule asks for, so a
     * rule's {@code word*} is an ordinary term the presearcher can index instead of a prefix query
     * run on every document.
     */
    private void addPrefixes(String stem) {
        java.util.Set<String> seen = new java.util.HashSet<>(stacked);
        java.util.List<String> bases = new java.util.ArrayList<>(stacked);
        bases.add(stem);
        for (String base : bases) {
            for (int n = MIN_PREFIX; n <= base.length(); n++) {
                String p = base.substring(0, n);
                if ((prefixes == null || prefixes.contains(p)) && seen.add(p + PREFIX_MARK)) {
                    stacked.add(p + PREFIX_MARK);
                }
            }
        }
    }

    private void stemRussian(char[] buf, int len) {
        char[] lightStem = java.util.Arrays.copyOf(buf, len);
        lightStem = java.util.Arrays.copyOf(lightStem, light.stem(lightStem, len));
        if (mode == Mode.LIGHT) {
            term.copyBuffer(lightStem, 0, lightStem.length);
            return;
        }
        russian.setCurrent(buf, len);
        russian.stem();
        term.copyBuffer(russian.getCurrentBuffer(), 0, russian.getCurrentBufferLength());
        String lightTerm = new String(lightStem);
        if (!term.toString().equals(lightTerm)) {
            stacked.add(lightTerm);
        }
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
        stacked.clear();
    }

    private SnowballStemmer script(char[] buf, int len) {
        boolean cyrillic = false;
        for (int i = 0; i < len; i++) {
            char c = buf[i];
            if (Character.isDigit(c)) {
                return null;
            }
            if (c >= '\u0400' && c <= '\u04FF') {
                cyrillic = true;
            }
        }
        return cyrillic ? russian : english;
    }
}
