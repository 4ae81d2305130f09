package org.karaul.processor.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * Uzbek words read in the other script, so one script's lexicon terms, place names and the Russian loans of the
 * Cyrillic press reach a document written in the other. Input is one lower-cased word with apostrophes already
 * dropped (so Latin {@code oʻ} and {@code gʻ} arrive as {@code o} and {@code g}, as the Latin rule terms are
 * analysed too) and {@code ё} already read as {@code е}.
 *
 * <p>Cyrillic to Latin is the official 1995 correspondence and loses nothing a Latin term keeps ({@code ў} and
 * {@code ғ} become {@code o} and {@code g}, as their apostrophes are dropped). Latin to Cyrillic reads the digraphs
 * ({@code sh ch yo yu ya ye ts}), {@code h} as {@code ҳ}, {@code x} as {@code х} and a word-initial {@code e} as
 * {@code э}; it cannot tell {@code o} from {@code ў} or {@code g} from {@code ғ} once the apostrophe is gone, so it
 * reaches the Cyrillic terms and Russian loans without those letters ({@code terrorizm}, {@code militsiya},
 * {@code portlash}) and not the others, which the lexicons therefore keep in both scripts.
 */
final class UzbekScript {
    /** Cyrillic letters and their Latin spelling ({@code е} is read apart: {@code ye} at the start and after a vowel). */
    private static final Map<Character, String> TO_LATIN = table(
            "а a б b в v г g ғ g д d ё yo ж j з z и i й y к k қ q л l м m н n о o ў o п p р r с s т t у u ф f х x ҳ h "
            + "ц ts ч ch ш sh ы i э e ю yu я ya - -");
    /** Latin letters and their Cyrillic one, after the digraphs; {@code e} is {@code э} at the start of a word. */
    private static final Map<Character, String> TO_CYRILLIC = table(
            "a а b б d д f ф g г h ҳ i и j ж k к l л m м n н o о p п q қ r р s с t т u у v в x х y й z з - -");
    /** Latin digraphs and their Cyrillic letter ({@code yo} gives {@code е}, as the analyser reads {@code ё}). */
    private static final Map<String, String> DIGRAPHS = Map.of("sh", "ш", "ch", "ч", "ts", "ц", "yo", "е", "yu", "ю",
            "ya", "я", "ye", "е");
    private static final String VOWELS = "аеиоуўэюяё";

    private UzbekScript() {
    }

    /** The Latin reading of a Cyrillic word; null when a letter is not Uzbek Cyrillic. */
    static String toLatin(String word) {
        StringBuilder out = new StringBuilder(word.length() + 4);
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == 'е') {
                out.append(i == 0 || VOWELS.indexOf(word.charAt(i - 1)) >= 0 ? "ye" : "e");
            } else if (c != 'ъ' && c != 'ь' && !append(out, TO_LATIN, c)) {
                return null;
            }
        }
        return out.toString();
    }

    /** The Cyrillic reading of a Latin word; null when a letter is not Uzbek Latin. */
    static String toCyrillic(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            String pair = i + 1 < word.length() ? DIGRAPHS.get(word.substring(i, i + 2)) : null;
            if (pair != null) {
                out.append(pair);
                i++;
            } else if (word.charAt(i) == 'e') {
                out.append(i == 0 ? "э" : "е");
            } else if (!append(out, TO_CYRILLIC, word.charAt(i))) {
                return null;
            }
        }
        return out.toString();
    }

    private static boolean append(StringBuilder out, Map<Character, String> letters, char c) {
        String l = letters.get(c);
        if (l != null) {
            out.append(l);
        }
        return l != null;
    }

    private static Map<Character, String> table(String pairs) {
        String[] parts = pairs.split(" ");
        Map<Character, String> out = new HashMap<>();
        for (int i = 0; i + 1 < parts.length; i += 2) {
            out.put(parts[i].charAt(0), parts[i + 1]);
        }
        return Map.copyOf(out);
    }
}
