package org.karaul.processor.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads matchers and signals: a bare string, or {@code {any: [...], near: [...], within: N, lang: .., weight: ..}}.
 * A term {@code @concept} stands for that concept's {@link Lexicons} terms; a matcher that uses one
 * applies to every language unless it states {@code lang}, and then takes that language's terms only.
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
            out.add(matcher(node, at));
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
            out.add(new Signal(matcher(node, at), weight));
        }
        return out;
    }

    private Matcher matcher(JsonNode node, String at) {
        if (node.isValueNode()) {
            String term = node.asText().trim();
            if (Lexicons.isReference(term)) {
                return new Matcher(expand(List.of(term), null, at), List.of(), 0, "any");
            }
            checkTerm(term, at);
            return new Matcher(List.of(term), List.of(), 0, langOf(List.of(term), at));
        }
        if (!node.isObject()) {
            throw yaml.fail(at, "expected a term or a mapping with 'any'");
        }
        String stated = node.has("lang") ? node.get("lang").asText() : null;
        List<String> written = yaml.strings(node, "any", at, true);
        List<String> writtenNear = yaml.strings(node, "near", at, false);
        boolean refers = written.stream().anyMatch(Lexicons::isReference) || writtenNear.stream().anyMatch(Lexicons::isReference);
        List<String> terms = expand(written, stated, at);
        List<String> near = expand(writtenNear, stated, at);
        terms.forEach(t -> checkTerm(t, at));
        near.forEach(t -> checkTerm(t, at));
        int within = (int) yaml.number(node, "within", at, 0);
        if (!near.isEmpty() && within < 1) {
            throw yaml.fail(at, "'near' needs 'within' of at least 1 word");
        }
        if (near.isEmpty() && node.has("within")) {
            throw yaml.fail(at, "'within' given without 'near'");
        }
        String lang = stated != null ? stated : refers ? "any" : null;
        if (lang != null && !LANGS.contains(lang)) {
            throw yaml.fail(at, "'lang' must be one of " + LANGS + ", got '" + lang + "'");
        }
        List<String> all = new ArrayList<>(terms);
        all.addAll(near);
        return new Matcher(terms, near, within, lang != null ? lang : langOf(all, at));
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
