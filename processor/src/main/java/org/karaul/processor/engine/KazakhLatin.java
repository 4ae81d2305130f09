package org.karaul.processor.engine;

import java.util.List;

/**
 * Kazakh written in the Latin alphabets, read back into Cyrillic so the Cyrillic Hunspell dictionary
 * can find its stem. Two alphabets are in use and the press mixes them: the 2021 one (ä ğ ñ ö ş ū ü,
 * {@code ı} for І, {@code i} for И/Й, {@code u} for У) and the 2018 one (á ǵ ń ó ú ý, the digraphs
 * {@code sh} and {@code ch} for Ш and Ч, {@code i} for І, {@code ı} for И/Й, {@code u} for Ұ, {@code ý}
 * for У). They disagree on {@code i}, {@code ı} and {@code u}, so a word without its own 2018 or 2021
 * letters (or digraphs) gets both readings, the 2021 one first; the letter for И/Й is Й after a vowel. The {@code zh} of older drafts is read letter by letter,
 * so it gives no stem. Input is one lower-cased word with apostrophes already dropped.
 */
final class KazakhLatin {
    private static final String MARKS_2018 = "áǵńóúý";
    private static final String MARKS_2021 = "äğñöşūü";
    private static final String VOWELS = "аәеиоөуұүыіэюя";

    private KazakhLatin() {
    }

    /** The Cyrillic readings of a lower-cased Latin word, most likely first; empty when a letter is not Kazakh Latin. */
    static List<String> toCyrillic(String word) {
        boolean has2018 = indexOfAny(word, MARKS_2018) || word.contains("sh") || word.contains("ch");
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
            if (alphabet2018 && i + 1 < word.length() && word.charAt(i + 1) == 'h' && (word.charAt(i) == 's' || word.charAt(i) == 'c')) {
                out.append(word.charAt(i) == 's' ? "ш" : "ч");
                i++;
                continue;
            }
            char ch = word.charAt(i);
            String c = ch == (alphabet2018 ? 'ı' : 'i') ? shortI(out) : letter(ch, alphabet2018);
            if (c == null) {
                return null;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The letter for И and Й, which both alphabets write alike: Й after a vowel, else И. */
    private static String shortI(StringBuilder before) {
        return before.length() > 0 && VOWELS.indexOf(before.charAt(before.length() - 1)) >= 0 ? "й" : "и";
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
            case 'ı' -> alphabet2018 ? "и" : "і";
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

    /**
     * The 2021 spelling of a lower-cased Latin word that is, or may be, written in the 2018 alphabet, so the lexicon's
     * 2021 terms reach it ({@code esirtki} as {@code esırtkı}, {@code qylmyshtyq} as {@code qylmyştyq}); null for a word
     * with 2021 letters and none of 2018's, and for a word whose reading is itself.
     */
    static String to2021(String word) {
        boolean has2018 = indexOfAny(word, MARKS_2018) || word.contains("sh") || word.contains("ch");
        if (!has2018 && indexOfAny(word, MARKS_2021)) {
            return null;
        }
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if ((c == 's' || c == 'c') && i + 1 < word.length() && word.charAt(i + 1) == 'h') {
                out.append(c == 's' ? 'ş' : 'ç');
                i++;
                continue;
            }
            out.append(switch (c) {
                case 'á' -> 'ä';
                case 'ǵ' -> 'ğ';
                case 'ń' -> 'ñ';
                case 'ó' -> 'ö';
                case 'ú' -> 'ü';
                case 'ý' -> 'u';
                case 'u' -> 'ū';
                case 'i' -> 'ı';
                case 'ı' -> 'i';
                default -> c;
            });
        }
        String reading = out.toString();
        return reading.equals(word) ? null : reading;
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
