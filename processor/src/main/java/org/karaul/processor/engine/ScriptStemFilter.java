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
    /** Which stems to emit. */
    enum Mode { BOTH, LIGHT }

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final SnowballStemmer russian = new RussianStemmer();
    private final SnowballStemmer english = new EnglishStemmer();
    private final RussianLightStemmer light = new RussianLightStemmer();
    private final Mode mode;
    private AttributeSource.State pending;
    private char[] pendingLight;

    ScriptStemFilter(TokenStream in, Mode mode) {
        super(in);
        this.mode = mode;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null) {
            restoreState(pending);
            pending = null;
            term.copyBuffer(pendingLight, 0, pendingLight.length);
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
        SnowballStemmer stemmer = script(buf, len);
        if (stemmer == russian) {
            stemRussian(buf, len);
        } else if (stemmer != null) {
            stemmer.setCurrent(buf, len);
            stemmer.stem();
            term.copyBuffer(stemmer.getCurrentBuffer(), 0, stemmer.getCurrentBufferLength());
        }
        return true;
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
        if (!term.toString().equals(new String(lightStem))) {
            pendingLight = lightStem;
            pending = captureState();
        }
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
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
