package org.karaul.processor.engine;

import java.util.List;

/**
 * Kazakh written in the Latin alphabets, read back into Cyrillic so the Cyrillic Hunspell dictionary
 * can find its stem. Two alphabets are in use and the press mixes them: the 2021 one (ä ğ ı ñ ö ş ū ü,
 * and {@code i} for И/Й, {@code u} for У) and the 2018 one (á ǵ ń ó ú ý, {@code i} for І, {@code u} for
 * Ұ, {@code ý} for У). They disagree only on {@code i} and {@code u}, so a word without its own 2018 or
 * 2021 letters gets both readings, the 2021 one first. Digraphs (ch, sh, zh of older drafts) are read
 * letter by letter, so they give no stem. Input is one lower-cased word with apostrophes already dropped.
 */
final class KazakhLatin {
    private static final String MARKS_2018 = "áǵńóúý";
    private static final String MARKS_2021 = "äğıñöşūü";

    private KazakhLatin() {
    }

    /** The Cyrillic readings of a lower-cased Latin word, most likely first; empty when a letter is not Kazakh Latin. */
    static List<String> toCyrillic(String word) {
        boolean has2018 = indexOfAny(word, MARKS_2018);
        boolean has2021 = indexOfAny(word, MARKS_2021);
        String modern = has2018 && !has2021 ? null : read(word, false);
        String older = has2021 && !has2018 ? null : read(word, true);
        if (modern == null) {
            return older == null ? List.of() : List.of(older);
        }
        if (older == null || older.equals(modern)) {
            return List.of(modern);
        }
        return List.of(modern, older);
    }

    private static String read(String word, boolean alphabet2018) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            String c = letter(word.charAt(i), alphabet2018);
            if (c == null) {
                return null;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String letter(char c, boolean alphabet2018) {
        return switch (c) {
            case 'a' -> "а";
            case 'ä', 'á' -> "ә";
            case 'b' -> "б";
            case 'c', 'ç', 'ć' -> "ч";
            case 'd' -> "д";
            case 'e' -> "е";
            case 'f' -> "ф";
            case 'g' -> "г";
            case 'ğ', 'ǵ' -> "ғ";
            case 'h' -> "х";
            case 'i' -> alphabet2018 ? "і" : "и";
            case 'ı' -> "і";
            case 'j' -> "ж";
            case 'k' -> "к";
            case 'l' -> "л";
            case 'm' -> "м";
            case 'n' -> "н";
            case 'ñ', 'ń', 'ň' -> "ң";
            case 'o' -> "о";
            case 'ö', 'ó' -> "ө";
            case 'p' -> "п";
            case 'q' -> "қ";
            case 'r' -> "р";
            case 's' -> "с";
            case 'ş', 'ś' -> "ш";
            case 't' -> "т";
            case 'u' -> alphabet2018 ? "ұ" : "у";
            case 'ū' -> "ұ";
            case 'ü', 'ú' -> "ү";
            case 'v' -> "в";
            case 'w', 'ý' -> "у";
            case 'y' -> "ы";
            case 'z' -> "з";
            case '-' -> "-";
            default -> null;
        };
    }

    private static boolean indexOfAny(String word, String letters) {
        for (int i = 0; i < word.length(); i++) {
            if (letters.indexOf(word.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
