package org.karaul.processor.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.karaul.processor.engine.KaraulAnalyzer;

/**
 * Rule terms are analysed with the English and Russian stemmers, which know nothing of Kazakh,
 * Kyrgyz, Uzbek or Tajik: a local prefix can shrink to a common short word (жайылым* to жай, "place")
 * and then fire everywhere. Every lone prefix (not part of a phrase) in the local lexicons must keep
 * at least four letters.
 */
class LexiconTermsTest {
    private static final int MIN_PREFIX = 4;

    @Test
    void noLocalPrefixShrinksToAShortCommonWordWhenAnalysed() throws IOException {
        JsonNode root;
        try (InputStream in = LexiconTermsTest.class.getResourceAsStream("/taxonomy/lexicons.yaml")) {
            root = new YAMLMapper().readTree(in);
        }
        List<String> tooShort = new ArrayList<>();
        try (KaraulAnalyzer analyzer = new KaraulAnalyzer()) {
            root.fields().forEachRemaining(concept -> {
                for (String lang : Matcher.LOCAL_LANGUAGES) {
                    concept.getValue().path(lang).forEach(term -> {
                        String word = term.asText();
                        // a phrase is held in place by its other words; a lone prefix is not
                        if (!word.contains(" ") && !word.contains("-")) {
                            if (word.endsWith("*")) {
                                String stem = first(analyzer, word.substring(0, word.length() - 1));
                                if (stem.codePointCount(0, stem.length()) < MIN_PREFIX) {
                                    tooShort.add(concept.getKey() + "/" + lang + ": " + word + " -> " + stem);
                                }
                            }
                        }
                    });
                }
            });
        }
        assertThat(tooShort).isEmpty();
    }

    private static String first(KaraulAnalyzer analyzer, String word) {
        try (TokenStream ts = analyzer.tokenStream("f", word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            String out = ts.incrementToken() ? term.toString() : "";
            ts.end();
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
