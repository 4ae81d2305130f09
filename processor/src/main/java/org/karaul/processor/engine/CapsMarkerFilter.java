package org.karaul.processor.engine;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * For a short all-upper-case word (an acronym such as IS, ИГ, HT) also emits {@code #word} at the
 * same position, so a rule can ask for the acronym without matching the ordinary word "is".
 */
final class CapsMarkerFilter extends TokenFilter {
    static final char MARK = '#';
    private static final int MAX_ACRONYM = 6;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private AttributeSource.State pending;

    CapsMarkerFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null) {
            restoreState(pending);
            pending = null;
            String marked = MARK + term.toString();
            term.setEmpty().append(marked);
            posInc.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        if (isAcronym()) {
            pending = captureState();
        }
        return true;
    }

    private boolean isAcronym() {
        int len = term.length();
        if (len < 2 || len > MAX_ACRONYM) {
            return false;
        }
        char[] buf = term.buffer();
        for (int i = 0; i < len; i++) {
            if (!Character.isUpperCase(buf[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
    }
}
