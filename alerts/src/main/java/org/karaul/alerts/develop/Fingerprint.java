package org.karaul.alerts.develop;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MinHash of an item's text, made comparable across English and Russian: words are lower-cased, Cyrillic is
 * transliterated to Latin, stop words dropped, each word cut to a short stem, and stems listed as equivalent in the
 * grouping rules ({@code взрыв} and {@code explosion}) are mapped to one token. Numbers are kept whole.
 */
final class Fingerprint {
    static final int SIZE = 64;
    private static final int STEM = 5;
    private static final long PRIME = 2_147_483_647L;
    private static final long[] A = new long[SIZE];
    private static final long[] B = new long[SIZE];
    private static final Set<String> STOP = Set.of("the", "and", "for", "with", "from", "that", "this", "were", "was",
            "have", "has", "said", "after", "into", "over", "about", "their", "they", "will", "been", "also", "its",
            "chto", "kotor", "takzh", "posle", "bolee", "sobsh", "soobs", "zayav", "kak", "dlya", "pri", "ego", "ikh",
            "ili", "eto", "ona", "oni", "byl", "byli", "bylo", "ot", "po", "na");
    private static final String[] CYRILLIC = {"а", "a", "б", "b", "в", "v", "г", "g", "д", "d", "е", "e", "ё", "e",
            "ж", "zh", "з", "z", "и", "i", "й", "i", "к", "k", "л", "l", "м", "m", "н", "n", "о", "o", "п", "p", "р", "r",
            "с", "s", "т", "t", "у", "u", "ф", "f", "х", "kh", "ц", "ts", "ч", "ch", "ш", "sh", "щ", "sh", "ъ", "", "ы", "y",
            "ь", "", "э", "e", "ю", "yu", "я", "ya", "қ", "k", "ғ", "g", "ң", "n", "ө", "o", "ү", "u", "ұ", "u", "һ", "h",
            "ә", "a", "ҳ", "h", "ҷ", "j", "ӣ", "i", "ӯ", "u"};
    private static final Map<String, String> TRANSLIT = translitTable();

    static {
        java.util.Random r = new java.util.Random(0x6b617261756cL);
        for (int i = 0; i < SIZE; i++) {
            A[i] = 1 + r.nextInt(Integer.MAX_VALUE - 1);
            B[i] = r.nextInt(Integer.MAX_VALUE);
        }
    }

    private Fingerprint() {
    }

    /** The normalised token set of a text, with equivalent stems mapped through {@code equivalents}. */
    static Set<String> tokens(String text, Map<String, String> equivalents) {
        Set<String> out = new HashSet<>();
        String norm = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        for (String word : norm.split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String latin = transliterate(word);
            if (latin.chars().allMatch(Character::isDigit)) {
                out.add(latin);
                continue;
            }
            if (latin.length() < 3) {
                continue;
            }
            String stem = latin.length() > STEM ? latin.substring(0, STEM) : latin;
            if (STOP.contains(stem)) {
                continue;
            }
            out.add(equivalents.getOrDefault(stem, stem));
        }
        return out;
    }

    /** The MinHash signature of a token set; an empty set gives a signature that matches nothing. */
    static int[] signature(Set<String> tokens) {
        int[] sig = new int[SIZE];
        java.util.Arrays.fill(sig, Integer.MAX_VALUE);
        for (String t : tokens) {
            long h = mix(t.hashCode()) & 0x7fffffffL;
            for (int i = 0; i < SIZE; i++) {
                int v = (int) ((A[i] * h + B[i]) % PRIME);
                if (v < sig[i]) {
                    sig[i] = v;
                }
            }
        }
        return sig;
    }

    /** Estimated Jaccard similarity of the sets behind two signatures, in [0, 1]. */
    static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[i] == b[i] && a[i] != Integer.MAX_VALUE) {
                same++;
            }
        }
        return same / (double) SIZE;
    }

    static String transliterate(String word) {
        StringBuilder sb = new StringBuilder(word.length() + 4);
        for (int i = 0; i < word.length(); i++) {
            String c = word.substring(i, i + 1);
            sb.append(TRANSLIT.getOrDefault(c, c));
        }
        return sb.toString();
    }

    private static long mix(int h) {
        long x = h * 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 29);
    }

    private static Map<String, String> translitTable() {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < CYRILLIC.length; i += 2) {
            m.put(CYRILLIC[i], CYRILLIC[i + 1]);
        }
        return Map.copyOf(m);
    }
}
