package org.karaul.processor.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A word none of whose prefixes is a term is given no terms without being stemmed ({@link DocumentWords}), and that
 * is what stemming it would have given: the terms of every word below are compared with those of its forms.
 */
class WordSkipTest {
    private static final List<String> RULE_WORDS = List.of("границы", "задержаны", "боевики", "наркотики", "взрыв", "2024");
    private static final Set<String> PREFIXES = Set.of("задерж", "нарк", "бо");

    @Test
    void everyWordGetsTheTermsOfItsForms() {
        WordForms forms = new WordForms(WordForms.Mode.BOTH, PREFIXES);
        Map<String, Integer> vocabulary = new HashMap<>();
        for (String w : RULE_WORDS) {
            for (String form : forms.of(w.toCharArray(), w.length())) {
                vocabulary.putIfAbsent(form, vocabulary.size());
            }
        }
        Set<String> known = new LinkedHashSet<>(vocabulary.keySet());
        vocabulary.keySet().forEach(t -> known.add(t.replace("*", "")));
        known.addAll(PREFIXES);
        DocumentWords words = new DocumentWords(vocabulary, new StringHashes(known), PREFIXES, 1, "ru");
        List<String> samples = new ArrayList<>(List.of("границе", "задержан", "боевик", "наркоман", "взрывы", "2024", "2025",
                "бойня", "город", "ёлка", "border", "ab", "#нато"));
        Random random = new Random(7);
        String letters = "абвгдежзиклмнопрстуфхыё";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = 5 + random.nextInt(6); k > 0; k--) {
                b.append(letters.charAt(random.nextInt(letters.length())));
            }
            samples.add(b.toString());
            samples.add(Integer.toString(random.nextInt(100_000)));
        }
        int skipped = 0;
        for (String w : samples) {
            char[] chars = w.toCharArray();
            int[] expected = Arrays.stream(forms.of(chars, chars.length)).filter(vocabulary::containsKey)
                    .mapToInt(vocabulary::get).toArray();
            words.read("", w);
            int[] got = Arrays.copyOfRange(words.terms, words.termsFrom[0], words.termsFrom[1]);
            assertArrayEquals(expected, got, w);
            skipped += forms.formsArePrefixes(chars, chars.length) ? 1 : 0;
        }
        assertTrue(skipped > samples.size() / 2, "most one-off names and figures may skip stemming: " + skipped);
    }

    @Test
    void onlyWordsWhoseFormsArePrefixesOfThemMaySkip() {
        WordForms russian = new WordForms(WordForms.Mode.BOTH, PREFIXES);
        assertTrue(russian.formsArePrefixes("задержаны".toCharArray(), 9));
        assertTrue(russian.formsArePrefixes("12345".toCharArray(), 5));
        assertFalse(russian.formsArePrefixes("ёлки".toCharArray(), 4), "Snowball writes ё as е");
        assertFalse(russian.formsArePrefixes("happy".toCharArray(), 5), "the English stem may end otherwise: happi");
        WordForms kazakh = WordForms.forLanguage(WordForms.Mode.BOTH, PREFIXES, "kk");
        assertFalse(kazakh.formsArePrefixes("бишкекте".toCharArray(), 8), "suffix rules and dictionary stems");
    }

    @Test
    void theShortDigitTestAgreesWithTheJdkOnEveryCharacter() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            assertTrue(WordForms.isDigit((char) c) == Character.isDigit((char) c), "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void aHashNotInTheSetProvesTheStringIsNot() {
        StringHashes hashes = new StringHashes(List.of("нарк", "бо", ""));
        assertTrue(hashes.mayContain("нарк".hashCode()));
        assertTrue(hashes.mayContain(0), "the empty string hashes to 0");
        assertFalse(hashes.mayContain("город".hashCode()));
        assertTrue(hashes.mayHavePrefix("боевик".toCharArray(), 1, 6));
        assertFalse(hashes.mayHavePrefix("боевик".toCharArray(), 3, 6), "бо is shorter than 3");
        assertFalse(hashes.mayHavePrefix("город".toCharArray(), 1, 5));
    }
}
