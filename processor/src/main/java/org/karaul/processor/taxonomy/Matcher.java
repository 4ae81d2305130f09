package org.karaul.processor.taxonomy;

import java.util.List;

/**
 * One readable matching rule: any of {@code terms} (words or phrases), or, when {@code near} is set,
 * a term of {@code terms} within {@code within} words of a term of {@code near}, in either order.
 *
 * <p>Terms are analysed like the documents (lower-cased, Russian and English stemming), so a rule
 * says {@code задержан} once and matches задержаны, задержали. A term ending in {@code *} matches
 * any word starting with it; a term starting with {@code =} matches only in upper case ({@code =IS}).
 *
 * @param terms  alternatives, at least one
 * @param near   alternatives for the second side of a proximity rule, empty for a plain rule
 * @param within maximum words between the two sides of a proximity rule
 * @param lang   a rule language ({@code en ru kk ky uz tg}), {@code local} (the last four) or {@code any}:
 *               which documents the rule applies to
 */
public record Matcher(List<String> terms, List<String> near, int within, String lang) {
    /** The rule languages (ISO 639-1): English, Russian, Kazakh, Kyrgyz, Uzbek, Tajik. */
    public static final List<String> LANGUAGES = List.of("en", "ru", "kk", "ky", "uz", "tg");
    /** The Central Asian languages: Kazakh, Kyrgyz, Uzbek, Tajik. */
    public static final List<String> LOCAL_LANGUAGES = List.of("kk", "ky", "uz", "tg");
    /** A rule language standing for all of {@link #LOCAL_LANGUAGES}. */
    public static final String LOCAL = "local";

    public Matcher {
        terms = List.copyOf(terms);
        near = near == null ? List.of() : List.copyOf(near);
    }

    public boolean isProximity() {
        return !near.isEmpty();
    }

    /** Whether this rule applies to a document in {@code docLang}. */
    public boolean appliesTo(String docLang) {
        return "any".equals(lang) || lang.equals(docLang) || LOCAL.equals(lang) && LOCAL_LANGUAGES.contains(docLang);
    }
}
