package org.karaul.processor.engine;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;
import java.util.Set;

/**
 * Decides which rule language ({@link RuleLanguages#ALL}) a document is read in. A stated
 * {@code lang} among them wins. Otherwise the script decides when it is clear (at least
 * {@value #CLEAR_SHARE} of the letters in the title and the start of the text), and within a script
 * the letters and words only one language uses:
 * <ul>
 *   <li>Cyrillic: Tajik ӣ ӯ ҷ; Uzbek ў; Kazakh ә ұ і һ; Kyrgyz ң ө ү without Kazakh's қ ғ; each must
 *       make up at least {@value #MARK_SHARE} of the letters (and two letters), so a Russian text
 *       quoting one Kazakh name stays Russian; none of them is Russian.</li>
 *   <li>Latin: the letters of Kazakh's Latin alphabets (ä ğ ñ ö ū ü ı ş, and 2018's á ǵ ń ó ú); Uzbek's oʻ and gʻ and its common function
 *       words against English ones; otherwise English.</li>
 * </ul>
 * No kept detector covers Kyrgyz, Uzbek and Tajik (Lingua knows Kazakh only), which is why the
 * letters decide. Only mixed-script text goes to Lingua, restricted to English, Russian and Kazakh
 * in low-accuracy mode (loaded on first use): it costs about ten times the whole classification of
 * a 2 KB item, so it is kept for the cases the script leaves open. Thread-safe.
 */
public final class LanguageGuesser {
    private static final int SAMPLE = 1000;
    /** Share of the letters one script needs to decide without Lingua. */
    static final double CLEAR_SHARE = 0.8;
    /** Share of the letters a language's own letters need to name it. */
    static final double MARK_SHARE = 0.006;
    /** Letters of Kazakh's Latin alphabets (2021: ä ğ ñ ö ū ü ı ş; 2018: á ǵ ń ó ú) that Uzbek and English lack. */
    private static final String KAZAKH_LATIN = "äğñöūüışáǵńóú";
    private static final Set<String> UZBEK_WORDS = Set.of("va", "bilan", "uchun", "ushbu", "mazkur", "haqida",
            "tomonidan", "qilindi", "yilda", "boʻyicha", "bo'yicha", "viloyati", "tumani", "tumanida", "shahrida",
            "emas", "bu", "ham", "esa", "qilgan", "boʻlgan", "bo'lgan", "olindi", "yil");
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "and", "of", "in", "to", "was", "were", "is",
            "are", "on", "for", "with", "by", "from", "said", "has", "have", "a", "an", "at");

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
            if (RuleLanguages.ALL.contains(lang)) {
                return lang; // the text is not read at all
            }
            return byScript(sample(title, text));
        }
        String sample = sample(title, text);
        String clear = clearScript(sample);
        if (clear == null) {
            return detect(title, text);
        }
        return clear.equals("ru") ? cyrillic(sample) : latin(sample);
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

    /** The rule language of mixed-script text, by Lingua, then the letters of the script it names. */
    public String detect(String title, String text) {
        String sample = sample(title, text);
        Language lang = Holder.DETECTOR.detectLanguageOf(sample);
        if (lang == Language.RUSSIAN || lang == Language.KAZAKH) {
            return cyrillic(sample);
        }
        if (lang == Language.ENGLISH) {
            return latin(sample);
        }
        return byScript(sample);
    }

    /** The language of Cyrillic text by the letters only one language uses; Russian when there are none. */
    static String cyrillic(String s) {
        int letters = 0;
        int tajik = 0;
        int uzbek = 0;
        int kazakh = 0;
        int kyrgyz = 0;
        int qg = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if (!Character.isLetter(c)) {
                continue;
            }
            letters++;
            switch (c) {
                case 'ӣ', 'ӯ', 'ҷ' -> tajik++;
                case 'ў' -> uzbek++;
                case 'ә', 'ұ', 'і', 'һ' -> kazakh++;
                case 'ң', 'ө', 'ү' -> kyrgyz++;
                case 'қ', 'ғ' -> qg++;
                case 'ҳ' -> {
                    tajik++;
                    uzbek++;
                }
                default -> { }
            }
        }
        double need = Math.max(2, letters * MARK_SHARE);
        if (tajik >= need && tajik > uzbek) {
            return "tg";
        }
        if (uzbek >= need) {
            return tajik > uzbek ? "tg" : "uz";
        }
        if (kazakh >= need) {
            return "kk";
        }
        if (kyrgyz >= need) {
            return qg >= need ? "kk" : "ky";
        }
        return "ru";
    }

    /** The language of Latin text: Kazakh by its Latin letters, Uzbek by oʻ/gʻ and function words, else English. */
    static String latin(String s) {
        int letters = 0;
        int kazakh = 0;
        int uzbekMarks = 0;
        String lower = s.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (!Character.isLetter(c)) {
                if (i > 0 && (lower.charAt(i - 1) == 'o' || lower.charAt(i - 1) == 'g')
                        && (c == 'ʻ' || c == '\'' || c == '‘' || c == '’' || c == 'ʼ')) {
                    uzbekMarks++;
                }
                continue;
            }
            letters++;
            if (KAZAKH_LATIN.indexOf(c) >= 0) {
                kazakh++;
            }
        }
        if (kazakh >= Math.max(2, letters * MARK_SHARE)) {
            return "kk";
        }
        int uzbek = uzbekMarks;
        int english = 0;
        for (String w : lower.split("[^\\p{L}ʻ'‘’ʼ]+")) {
            if (UZBEK_WORDS.contains(w)) {
                uzbek++;
            } else if (ENGLISH_WORDS.contains(w)) {
                english++;
            }
        }
        return uzbek > english ? "uz" : "en";
    }

    /** Cyrillic-majority text reads by its letters, anything else as English. */
    static String byScript(String s) {
        int[] letters = letters(s);
        return letters[0] > letters[1] ? cyrillic(s) : "en";
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
