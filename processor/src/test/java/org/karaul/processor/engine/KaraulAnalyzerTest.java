package org.karaul.processor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class KaraulAnalyzerTest {
    private final KaraulAnalyzer documents = new KaraulAnalyzer();
    private final QueryCompiler rules = new QueryCompiler(documents);
    private final QueryCompiler names = QueryCompiler.forNames();

    @Test
    void russianVerbFormsShareOneStem() {
        assertThat(rules.tokens("задержаны")).isEqualTo(rules.tokens("задержали"))
                .isEqualTo(rules.tokens("задержан"));
    }

    @Test
    void russianPlaceNamesMatchInAnyCase() {
        assertNameMatches("Бишкек", "в Бишкеке");
        assertNameMatches("Таджикистан", "Таджикистана");
        assertNameMatches("Кыргызстан", "в Кыргызстане");
        assertNameMatches("Ош", "под Ошем");
        assertNameMatches("Баткенская", "в Баткенской области");
        assertNameMatches("Беларусь", "в Беларуси");
    }

    @Test
    void apostrophesInUzbekLatinAndEnglishPossessivesAreDropped() {
        assertThat(rules.tokens("Farg'ona")).isEqualTo(rules.tokens("Fargʻona")).containsExactly("fargona");
        assertThat(rules.tokens("Afghanistan's")).isEqualTo(rules.tokens("Afghanistan"));
    }

    @Test
    void upperCaseAcronymsAreMarkedSoTheyDifferFromOrdinaryWords() {
        assertThat(allTokens("IS is ИГИЛ*")).contains("#is", "#игил").containsOnlyOnce("#is");
    }

    @Test
    void aWordKeepsItsFormsWhileOneOffWordsFillGenerationsOfTheStemCache() {
        List<String> before = allTokens("Таджикистана задержаны");
        for (int round = 0; round < 3; round++) {
            StringBuilder oneOffs = new StringBuilder();
            for (int i = 0; i < 10_000; i++) {
                oneOffs.append("имя").append(Integer.toString(round * 10_000 + i, 36).replaceAll("[0-9]", "ж")).append(' ');
            }
            allTokens(oneOffs.toString());
            assertThat(allTokens("Таджикистана задержаны")).as("round %d", round).isEqualTo(before);
        }
    }

    private void assertNameMatches(String alias, String text) {
        assertThat(allTokens(text)).as("'%s' in '%s'", alias, text).containsAll(names.tokens(alias));
    }

    private List<String> allTokens(String text) {
        List<String> all = new ArrayList<>();
        try (TokenStream ts = documents.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                all.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return all;
    }
}
