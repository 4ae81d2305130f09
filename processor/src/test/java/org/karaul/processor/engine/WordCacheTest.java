package org.karaul.processor.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The word cache's bound, and a document's terms staying the same while one-off words fill generation after generation. */
class WordCacheTest {

    @Test
    void aCacheIsFullAtHalfItsLargestTableAndRefusesMore() {
        WordCache cache = new WordCache();
        int words = 0;
        while (!cache.full()) {
            char[] w = ("w" + words).toCharArray();
            cache.put(w, w.length, new String(w).hashCode(), new int[] {words});
            words++;
        }
        assertEquals(1 << 13, words);
        char[] first = "w0".toCharArray();
        int slot = cache.find(first, first.length, "w0".hashCode());
        assertArrayEquals(new int[] {0}, cache.idsOf(slot));
        char[] more = "more".toCharArray();
        assertThrows(IllegalStateException.class, () -> cache.put(more, more.length, "more".hashCode(), new int[0]));
    }

    @Test
    void termsOfAWordStayTheSameAcrossGenerations() {
        Map<String, Integer> vocabulary = new HashMap<>();
        for (String form : new WordForms(WordForms.Mode.BOTH, Set.of()).of("границы".toCharArray(), 7)) {
            vocabulary.put(form, vocabulary.size());
        }
        DocumentWords words = new DocumentWords(vocabulary, new StringHashes(vocabulary.keySet()), Set.of(), 1, "ru");
        int[] before = termsOfFirstWord(words, "Границы");
        assertTrue(before.length > 0, "границы has terms in the vocabulary");
        for (int round = 0; round < 3; round++) {
            // more one-off words than one generation holds, with the word read now and then
            for (int i = 0; i < 10_000; i++) {
                String name = name(round * 10_000 + i);
                words.read("", name + " и " + name + "ов");
            }
            assertArrayEquals(before, termsOfFirstWord(words, "границы"), "round " + round);
        }
    }

    /**
     * A made-up word of Cyrillic letters, a different one for each {@code n}; it starts with a term, so it is stemmed
     * and kept in the cache (a word with no term for a prefix is not kept).
     */
    private static String name(int n) {
        String letters = "абвгдежзийклмнопрстуфхцчшщъыьэюя";
        StringBuilder b = new StringBuilder("границ");
        for (int k = n; k > 0; k /= letters.length()) {
            b.append(letters.charAt(k % letters.length()));
        }
        return b.toString();
    }

    private static int[] termsOfFirstWord(DocumentWords words, String text) {
        words.read("", text);
        return Arrays.copyOfRange(words.terms, words.termsFrom[0], words.termsFrom[1]);
    }
}
