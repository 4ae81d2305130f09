package org.karaul.processor.engine;

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
    private UzbekScript() {
    }

    /** The Latin reading of a Cyrillic word; null when a letter is not Uzbek Cyrillic. */
    static String toLatin(String word) {
        StringBuilder out = new StringBuilder(word.length() + 4);
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean afterVowel = i > 0 && "аеиоуўэюяё".indexOf(word.charAt(i - 1)) >= 0;
            String l = switch (c) {
                case 'а' -> "a";
                case 'б' -> "b";
                case 'в' -> "v";
                case 'г' -> "g";
                case 'ғ' -> "g";
                case 'д' -> "d";
                case 'е' -> i == 0 || afterVowel ? "ye" : "e";
                case 'ё' -> "yo";
                case 'ж' -> "j";
                case 'з' -> "z";
                case 'и' -> "i";
                case 'й' -> "y";
                case 'к' -> "k";
                case 'қ' -> "q";
                case 'л' -> "l";
                case 'м' -> "m";
                case 'н' -> "n";
                case 'о', 'ў' -> "o";
                case 'п' -> "p";
                case 'р' -> "r";
                case 'с' -> "s";
                case 'т' -> "t";
                case 'у' -> "u";
                case 'ф' -> "f";
                case 'х' -> "x";
                case 'ҳ' -> "h";
                case 'ц' -> "ts";
                case 'ч' -> "ch";
                case 'ш' -> "sh";
                case 'ъ', 'ь' -> "";
                case 'ы' -> "i";
                case 'э' -> "e";
                case 'ю' -> "yu";
                case 'я' -> "ya";
                case '-' -> "-";
                default -> null;
            };
            if (l == null) {
                return null;
            }
            out.append(l);
        }
        return out.toString();
    }

    /** The Cyrillic reading of a Latin word; null when a letter is not Uzbek Latin. */
    static String toCyrillic(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            char next = i + 1 < word.length() ? word.charAt(i + 1) : 0;
            String pair = switch (c) {
                case 's' -> next == 'h' ? "ш" : null;
                case 'c' -> next == 'h' ? "ч" : null;
                case 't' -> next == 's' ? "ц" : null;
                case 'y' -> switch (next) {
                    case 'o' -> "е";
                    case 'u' -> "ю";
                    case 'a' -> "я";
                    case 'e' -> "е";
                    default -> null;
                };
                default -> null;
            };
            if (pair != null) {
                out.append(pair);
                i++;
                continue;
            }
            String l = switch (c) {
                case 'a' -> "а";
                case 'b' -> "б";
                case 'd' -> "д";
                case 'e' -> i == 0 ? "э" : "е";
                case 'f' -> "ф";
                case 'g' -> "г";
                case 'h' -> "ҳ";
                case 'i' -> "и";
                case 'j' -> "ж";
                case 'k' -> "к";
                case 'l' -> "л";
                case 'm' -> "м";
                case 'n' -> "н";
                case 'o' -> "о";
                case 'p' -> "п";
                case 'q' -> "қ";
                case 'r' -> "р";
                case 's' -> "с";
                case 't' -> "т";
                case 'u' -> "у";
                case 'v' -> "в";
                case 'x' -> "х";
                case 'y' -> "й";
                case 'z' -> "з";
                case '-' -> "-";
                default -> null;
            };
            if (l == null) {
                return null;
            }
            out.append(l);
        }
        return out.toString();
    }
}
