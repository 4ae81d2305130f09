package org.karaul.processor.engine;

import java.util.List;
import org.karaul.processor.taxonomy.Matcher;

/**
 * The languages rules are written for and documents are read in: English, Russian, Kazakh, Kyrgyz,
 * Uzbek and Tajik (ISO 639-1). A rule marked {@code any} applies to all of them. A document in
 * another language is read as the one its script suggests ({@link LanguageGuesser}).
 */
public final class RuleLanguages {
    /** Every rule language, in a fixed order that engines index by. */
    public static final List<String> ALL = Matcher.LANGUAGES;

    /** The Central Asian languages, read with suffix stripping ({@link SuffixStripper}). */
    public static final List<String> LOCAL = Matcher.LOCAL_LANGUAGES;

    private RuleLanguages() {
    }

    /** Whether documents in {@code lang} are read with the Russian rules too (the Central Asian languages). */
    static boolean borrowsRussian(String lang) {
        return LOCAL.contains(lang);
    }

    /** The index of {@code lang} in {@link #ALL}; English for an unknown or missing code. */
    static int index(String lang) {
        int i = lang == null ? -1 : ALL.indexOf(lang);
        return Math.max(i, 0);
    }
}
