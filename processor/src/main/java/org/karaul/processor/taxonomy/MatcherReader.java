package org.karaul.processor.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads matchers and signals: a bare string, or {@code {any: [...], near: [...], within: N, lang: .., weight: ..}}.
 * A term {@code @concept} stands for that concept's {@link Lexicons} terms. A matcher that uses one
 * and states no {@code lang} is read twice, as an English rule (the concepts' {@code en} terms and the
 * written Latin terms) and as a Russian one ({@code ru} terms and written Cyrillic terms), exactly as
 * if the two had been written out; a side left without terms drops that reading. A matcher stating
 * {@code lang} takes that language's terms only ({@code local}: Kazakh, Kyrgyz, Uzbek and Tajik;
 * {@code any}: every language's, applied to every document).
 */
final class MatcherReader {
    private static final Set<String> MATCHER_KEYS = Set.of("any", "near", "within", "lang");
    private static final Set<String> SIGNAL_KEYS = Set.of("any", "near", "within", "lang", "weight");
    private static final Set<String> LANGS = langs();
    private final Yaml yaml;
    private final Lexicons lexicons;

    MatcherReader(Yaml yaml, Lexicons lexicons) {
        this.yaml = yaml;
        this.lexicons = lexicons;
    }

    private static Set<String> langs() {
        Set<String> all = new java.util.HashSet<>(Matcher.LANGUAGES);
        all.add("any");
        all.add(Matcher.LOCAL);
        return Set.copyOf(all);
    }

    List<Matcher> matchers(JsonNode list, String entry) {
        List<Matcher> out = new ArrayList<>();
        int i = 0;
        for (JsonNode node : list) {
            String at = entry + "[" + i++ + "]";
            if (node.isObject()) {
                yaml.onlyKeys(node, at, MATCHER_KEYS);
            }
            out.addAll(matcher(node, at));
        }
        return out;
    }

    List<Signal> signals(JsonNode list, String entry) {
        List<Signal> out = new ArrayList<>();
        int i = 0;
        for (JsonNode node : list) {
            String at = entry + "[" + i++ + "]";
            double weight = 1.0;
            if (node.isObject()) {
                yaml.onlyKeys(node, at, SIGNAL_KEYS);
                weight = yaml.number(node, "weight", at, 1.0);
                if (weight == 0) {
                    throw yaml.fail(at, "'weight' must not be 0");
                }
            }
            for (Matcher m : matcher(node, at)) {
                out.add(new Signal(m, weight));
            }
        }
        return out;
    }

    /** One matcher, or for a concept reference without a stated language, its English and Russian readings. */
    private List<Matcher> matcher(JsonNode node, String at) {
        if (node.isValueNode()) {
            String term = node.asText().trim();
            if (Lexicons.isReference(term)) {
                return byLanguage(List.of(term), List.of(), 0, at);
            }
            checkTerm(term, at);
            return List.of(new Matcher(List.of(term), List.of(), 0, langOf(List.of(term), at)));
        }
        if (!node.isObject()) {
            throw yaml.fail(at, "expected a term or a mapping with 'any'");
        }
        String stated = node.has("lang") ? node.get("lang").asText() : null;
        List<String> written = yaml.strings(node, "any", at, true);
        List<String> writtenNear = yaml.strings(node, "near", at, false);
        boolean refers = written.stream().anyMatch(Lexicons::isReference) || writtenNear.stream().anyMatch(Lexicons::isReference);
        int within = (int) yaml.number(node, "within", at, 0);
        if (!writtenNear.isEmpty() && within < 1) {
            throw yaml.fail(at, "'near' needs 'within' of at least 1 word");
        }
        if (writtenNear.isEmpty() && node.has("within")) {
            throw yaml.fail(at, "'within' given without 'near'");
        }
        if (stated != null && !LANGS.contains(stated)) {
            throw yaml.fail(at, "'lang' must be one of " + LANGS + ", got '" + stated + "'");
        }
        if (refers && stated == null) {
            return byLanguage(written, writtenNear, within, at);
        }
        List<String> terms = expand(written, stated, at);
        List<String> near = expand(writtenNear, stated, at);
        terms.forEach(t -> checkTerm(t, at));
        near.forEach(t -> checkTerm(t, at));
        List<String> all = new ArrayList<>(terms);
        all.addAll(near);
        return List.of(new Matcher(terms, near, within, stated != null ? stated : langOf(all, at)));
    }

    /**
     * The English and the Russian reading of a matcher naming concepts without a language: each takes
     * the concepts' terms in its language and the written terms in its script. A reading with an empty
     * side is left out; a matcher with no reading at all is refused.
     */
    private List<Matcher> byLanguage(List<String> written, List<String> writtenNear, int within, String at) {
        List<Matcher> out = new ArrayList<>();
        for (String lang : List.of("en", "ru")) {
            boolean cyrillic = "ru".equals(lang);
            List<String> terms = expandOwn(written, lang, cyrillic, at);
            List<String> near = expandOwn(writtenNear, lang, cyrillic, at);
            if (terms.isEmpty() || !writtenNear.isEmpty() && near.isEmpty()) {
                continue;
            }
            terms.forEach(t -> checkTerm(t, at));
            near.forEach(t -> checkTerm(t, at));
            out.add(new Matcher(terms, near, within, lang));
        }
        if (out.isEmpty()) {
            throw yaml.fail(at, "names concepts with neither English nor Russian terms; state 'lang'");
        }
        return out;
    }

    /** {@code lang}'s terms of the concepts named, and the written terms in its script. */
    private List<String> expandOwn(List<String> terms, String lang, boolean cyrillic, String at) {
        List<String> out = new ArrayList<>();
        for (String t : terms) {
            if (!Lexicons.isReference(t)) {
                if (hasCyrillic(t) == cyrillic) {
                    out.add(t);
                }
                continue;
            }
            try {
                out.addAll(lexicons.termsIn(t, lang));
            } catch (IllegalArgumentException e) {
                throw yaml.fail(at, e.getMessage());
            }
        }
        return out.stream().distinct().toList();
    }

    /** The terms with each {@code @concept} reference replaced by its lexicon terms (in {@code lang} only, when given). */
    private List<String> expand(List<String> terms, String lang, String at) {
        List<String> out = new ArrayList<>();
        for (String t : terms) {
            if (!Lexicons.isReference(t)) {
                out.add(t);
                continue;
            }
            try {
                out.addAll(lexicons.expand(t, lang));
            } catch (IllegalArgumentException e) {
                throw yaml.fail(at, e.getMessage());
            }
        }
        return out.stream().distinct().toList();
    }

    private void checkTerm(String term, String at) {
        if (term.isBlank()) {
            throw yaml.fail(at, "empty term");
        }
        if (term.startsWith("=") && (term.length() < 2 || term.contains(" "))) {
            throw yaml.fail(at, "exact-case term '" + term + "' must be one word after '='");
        }
        for (String word : term.split("\\s+")) {
            int star = word.indexOf('*');
            if (star >= 0 && (star != word.length() - 1 || star < 3)) {
                throw yaml.fail(at, "in '" + term + "': '*' may only end a word of at least 3 letters");
            }
        }
    }

    /** Cyrillic terms are Russian rules, Latin ones English; a mix must say {@code lang: any}. */
    private String langOf(List<String> terms, String at) {
        boolean cyr = terms.stream().anyMatch(MatcherReader::hasCyrillic);
        boolean lat = terms.stream().anyMatch(t -> !hasCyrillic(t));
        if (cyr && lat) {
            throw yaml.fail(at, "mixes Cyrillic and Latin terms " + terms + "; split it or set 'lang: any'");
        }
        return cyr ? "ru" : "en";
    }

    static boolean hasCyrillic(String s) {
        return s.chars().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
    }
}
