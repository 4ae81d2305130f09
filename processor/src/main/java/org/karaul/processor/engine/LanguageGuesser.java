package org.karaul.processor.engine;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;

/**
 * Decides which rule language ({@code en} or {@code ru}) a document is read in. A stated
 * {@code lang} wins. Otherwise the script decides when it is clear (at least
 * {@value #CLEAR_SHARE} of the letters in the title and the start of the text): Cyrillic text reads
 * Russian rules whether it is Russian, Kazakh or Kyrgyz, Latin text English rules, which is what
 * Lingua's answer maps to as well. Only mixed-script text goes to Lingua, restricted to English,
 * Russian and Kazakh in low-accuracy mode (small memory, loaded on first use): it costs about ten
 * times the whole classification of a 2 KB item, so it is kept for the cases the script leaves open.
 */
public final class LanguageGuesser {
    private static final int SAMPLE = 400;
    /** Share of the letters one script needs to decide without Lingua. */
    static final double CLEAR_SHARE = 0.8;

    private static final class Holder {
        static final LanguageDetector DETECTOR = LanguageDetectorBuilder
                .fromLanguages(Language.ENGLISH, Language.RUSSIAN, Language.KAZAKH)
                .withLowAccuracyMode()
                .build();
    }

    /** The rule language for a document; {@code declared} may be null or any ISO 639-1 code. */
    public String ruleLanguage(String declared, String title, String text) {
        if (declared != null && !declared.isBlank()) {
            String lang = declared.trim().toLowerCase(Locale.ROOT);
            if (lang.equals("en") || lang.equals("ru")) {
                return lang;
            }
            return byScript(title + " " + text);
        }
        String sample = sample(title, text);
        String clear = clearScript(sample);
        return clear != null ? clear : detect(title, text);
    }

    private static String sample(String title, String text) {
        return title + ". " + (text.length() > SAMPLE ? text.substring(0, SAMPLE) : text);
    }

    /** {@code ru} or {@code en} when one script has at least the clear share of the letters, else null. */
    static String clearScript(String s) {
        int[] letters = letters(s);
        int all = letters[0] + letters[1];
        if (all == 0) {
            return null;
        }
        return letters[0] >= all * CLEAR_SHARE ? "ru" : letters[1] >= all * CLEAR_SHARE ? "en" : null;
    }

    /** ISO 639-1 code of the detected language, {@code en} when undecided. */
    public String detect(String title, String text) {
        String sample = sample(title, text);
        Language lang = Holder.DETECTOR.detectLanguageOf(sample);
        if (lang == Language.RUSSIAN || lang == Language.KAZAKH) {
            return "ru";
        }
        if (lang == Language.ENGLISH) {
            return "en";
        }
        return byScript(sample);
    }

    /** Cyrillic-majority text reads as Russian rules, anything else as English. */
    static String byScript(String s) {
        int[] letters = letters(s);
        return letters[0] > letters[1] ? "ru" : "en";
    }

    /** Cyrillic letters, then Latin ones (basic and extended Latin). */
    private static int[] letters(String s) {
        int cyr = 0;
        int lat = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u0400' && c <= '\u04FF') {
                cyr++;
            } else if (Character.isLetter(c) && c < '\u0250') {
                lat++;
            }
        }
        return new int[] {cyr, lat};
    }
}
