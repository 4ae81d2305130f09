package org.karaul.processor.engine;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Replaces each lower-cased token by its {@link WordForms}: the stem by script, with the light
 * stem and rule prefixes stacked at the same position. Forms repeat, so they are cached per filter, in two
 * generations of at most {@value #GENERATION} words: when the newer is full it becomes the older and the one before is
 * dropped, and a word found in the older is carried over. One-off names so leave the cache while still young, instead
 * of filling a large map that outlives the young generation of the heap and is emptied all at once.
 */
final class ScriptStemFilter extends TokenFilter {
    private static final int GENERATION = 8_192;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final WordForms wordForms;
    private Map<String, String[]> cache = new HashMap<>();
    private Map<String, String[]> older = Map.of();
    private final ArrayDeque<String> stacked = new ArrayDeque<>();
    private AttributeSource.State pending;

    ScriptStemFilter(TokenStream in, WordForms wordForms) {
        super(in);
        this.wordForms = wordForms;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!stacked.isEmpty()) {
            restoreState(pending);
            term.setEmpty().append(stacked.poll());
            posInc.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        String word = term.toString();
        String[] forms = cache.get(word);
        if (forms == null) {
            forms = older.get(word);
            if (forms == null) {
                forms = wordForms.of(term.buffer(), term.length());
            }
            if (cache.size() >= GENERATION) {
                older = cache;
                cache = new HashMap<>();
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

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
        stacked.clear();
    }
}
