package org.karaul.ingest.extract;

import java.util.Locale;

/** Language from markup codes, or a guess from script and letters for the region's languages. */
public final class LanguageGuess {
    private LanguageGuess() {
    }

    /** ISO 639-1 code of a declared language tag ("ru-RU", "uz_Latn"), or null. */
    public static String normalize(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String t = tag.trim().toLowerCase(Locale.ROOT).split("[-_,;\\s]")[0];
        return t.length() == 2 && t.chars().allMatch(Character::isLetter) ? t : null;
    }

    /**
     * A guess from the text: Cyrillic text is Kazakh, Kyrgyz, Tajik, Uzbek or Russian by their distinctive
     * letters; other scripts give their main language; Latin text gives null (too many candidates).
     */
    public static String fromText(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String sample = text.length() > 5000 ? text.substring(0, 5000) : text;
        int cyr = 0;
        int latin = 0;
        int arabic = 0;
        int cjk = 0;
        for (int i = 0; i < sample.length(); i++) {
            Character.UnicodeScript s = Character.UnicodeScript.of(sample.charAt(i));
            cyr += s == Character.UnicodeScript.CYRILLIC ? 1 : 0;
            latin += s == Character.UnicodeScript.LATIN ? 1 : 0;
            arabic += s == Character.UnicodeScript.ARABIC ? 1 : 0;
            cjk += s == Character.UnicodeScript.HAN ? 1 : 0;
        }
        if (cyr > latin && cyr > arabic && cyr > cjk) {
            return cyrillic(sample.toLowerCase(Locale.ROOT));
        }
        if (arabic > latin && arabic > cjk) {
            return sample.matches("(?s).*[پچژگ].*") ? "fa" : "ar";
        }
        return cjk > latin ? "zh" : null;
    }

    private static String cyrillic(String s) {
        if (s.matches("(?s).*[әұі].*") && s.matches("(?s).*[қғң].*")) {
            return "kk";
        }
        if (s.matches("(?s).*[ҷӣӯ].*")) {
            return "tg";
        }
        if (s.matches("(?s).*ў.*")) {
            return "uz";
        }
        if (s.matches("(?s).*[ңөү].*")) {
            return "ky";
        }
        if (s.matches("(?s).*[іїєґ].*")) {
            return "uk";
        }
        return "ru";
    }
}
