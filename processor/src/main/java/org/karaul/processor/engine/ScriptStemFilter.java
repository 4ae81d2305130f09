package org.karaul.processor.engine;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Stems each lower-cased token by its script: Cyrillic words with the Russian Snowball stemmer
 * (Бишкеке, Таджикистана, задержаны reduce to their stems), Latin words with the English one.
 * Tokens starting with {@code #} (upper-case markers) and tokens with digits are left alone.
 */
final class ScriptStemFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final SnowballStemmer russian = new RussianStemmer();
    private final SnowballStemmer english = new EnglishStemmer();

    ScriptStemFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buf = term.buffer();
        int len = term.length();
        if (len < 3 || buf[0] == CapsMarkerFilter.MARK) {
            return true;
        }
        SnowballStemmer stemmer = script(buf, len);
        if (stemmer != null) {
            stemmer.setCurrent(buf, len);
            stemmer.stem();
            term.copyBuffer(stemmer.getCurrentBuffer(), 0, stemmer.getCurrentBufferLength());
        }
        return true;
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
