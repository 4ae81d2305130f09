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
 * stem and rule prefixes stacked at the same position. Forms repeat, so they are cached per filter.
 */
final class ScriptStemFilter extends TokenFilter {
    private static final int CACHE_SIZE = 50_000;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final WordForms wordForms;
    private final Map<String, String[]> cache = new HashMap<>();
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
            forms = wordForms.of(term.buffer(), term.length());
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

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
        stacked.clear();
    }
}
