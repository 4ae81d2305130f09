package org.karaul.processor.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Words by concept and language ({@code lexicons.yaml}): drugs, weapons, detention, money sent to a
 * group and the rest, each listed once per language and script, so every rule that needs a concept
 * names it as {@code @drugs} instead of repeating its words. A reference expands to the concept's
 * terms in the one language its matcher states, for {@code lang: local} in the four Central Asian
 * languages, for {@code lang: any} in every language; without a stated language the matcher is read
 * once in English and once in Russian (see {@link MatcherReader}).
 */
public final class Lexicons {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private final Map<String, Map<String, List<String>>> concepts;

    private Lexicons(Map<String, Map<String, List<String>>> concepts) {
        this.concepts = concepts;
    }

    static Lexicons none() {
        return new Lexicons(Map.of());
    }

    /** Reads {@code concept: {description: .., en: [..], ru: [..], ky: [..], ...}} entries. */
    static Lexicons read(String file, InputStream in) {
        Yaml yaml = new Yaml(file);
        JsonNode root = yaml.parse(in);
        Set<String> keys = new java.util.HashSet<>(Matcher.LANGUAGES);
        keys.add("description");
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> {
            String name = e.getKey();
            if (!NAME.matcher(name).matches()) {
                throw yaml.fail(name, "a concept name is lower case letters, digits and '_'");
            }
            if (!e.getValue().isObject()) {
                throw yaml.fail(name, "expected a mapping of language to terms");
            }
            yaml.onlyKeys(e.getValue(), name, keys);
            Map<String, List<String>> byLanguage = new LinkedHashMap<>();
            for (String lang : Matcher.LANGUAGES) {
                List<String> terms = yaml.strings(e.getValue(), lang, name, false);
                if (!terms.isEmpty()) {
                    byLanguage.put(lang, List.copyOf(terms));
                }
            }
            if (byLanguage.isEmpty()) {
                throw yaml.fail(name, "lists no terms in any of " + Matcher.LANGUAGES);
            }
            out.put(name, byLanguage);
        });
        return new Lexicons(out);
    }

    /** Whether {@code term} is a reference ({@code @name}) rather than a term. */
    static boolean isReference(String term) {
        return term.startsWith("@");
    }

    /**
     * The terms a reference stands for: every language's, or only {@code lang}'s when it names one.
     *
     * @throws IllegalArgumentException naming the unknown concept or the language it lacks
     */
    List<String> expand(String reference, String lang) {
        String name = reference.substring(1);
        Map<String, List<String>> concept = concepts.get(name);
        if (concept == null) {
            throw new IllegalArgumentException("unknown lexicon concept '" + reference + "'; defined: " + concepts.keySet());
        }
        if (Matcher.LOCAL.equals(lang)) {
            List<String> local = new ArrayList<>();
            for (String l : Matcher.LOCAL_LANGUAGES) {
                local.addAll(concept.getOrDefault(l, List.of()));
            }
            if (local.isEmpty()) {
                throw new IllegalArgumentException("lexicon concept '" + reference + "' has no local-language terms");
            }
            return local;
        }
        if (lang != null && !"any".equals(lang)) {
            List<String> terms = concept.get(lang);
            if (terms == null) {
                throw new IllegalArgumentException("lexicon concept '" + reference + "' has no '" + lang + "' terms");
            }
            return terms;
        }
        List<String> all = new ArrayList<>();
        concept.values().forEach(all::addAll);
        return all;
    }

    /**
     * The terms a reference has in one language, none when the concept lacks that language.
     *
     * @throws IllegalArgumentException naming the unknown concept
     */
    List<String> termsIn(String reference, String lang) {
        Map<String, List<String>> concept = concepts.get(reference.substring(1));
        if (concept == null) {
            throw new IllegalArgumentException("unknown lexicon concept '" + reference + "'; defined: " + concepts.keySet());
        }
        return concept.getOrDefault(lang, List.of());
    }

    /** Concept names, in file order. */
    public Set<String> names() {
        return concepts.keySet();
    }
}
