package org.karaul.processor.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.karaul.processor.taxonomy.Matcher;

/**
 * Every rule of a taxonomy, analysed once and numbered: a rule's slot is its index here, and
 * {@link MatchResult} reports fired rules by slot. Both engines ({@link RuleIndex},
 * {@link RuleMonitor}) are built from a book, so they read the same analysed terms.
 */
public final class RuleBook {
    private final QueryCompiler rules = new QueryCompiler(new KaraulAnalyzer());
    private final QueryCompiler names = QueryCompiler.forNames();
    private final List<RuleKey> keys = new ArrayList<>();
    private final List<AnalysedRule> analysed = new ArrayList<>();
    private final Map<RuleKey, Integer> slots = new HashMap<>();

    /**
     * Analyses and numbers a rule; group and place names are analysed with light stems. Throws
     * {@link IllegalArgumentException} for a duplicate key or a term that analyses to nothing.
     */
    public void add(RuleKey key, Matcher matcher) {
        if (slots.containsKey(key)) {
            throw new IllegalArgumentException("duplicate rule " + key.queryId());
        }
        boolean name = key.kind() == RuleKey.Kind.GROUP || key.kind() == RuleKey.Kind.PLACE;
        analysed.add((name ? names : rules).analyse(matcher));
        slots.put(key, keys.size());
        keys.add(key);
    }

    public int size() {
        return keys.size();
    }

    /** The slot of a rule, or -1 when the book has no such rule. */
    public int slot(RuleKey key) {
        return slots.getOrDefault(key, -1);
    }

    public RuleKey key(int slot) {
        return keys.get(slot);
    }

    AnalysedRule rule(int slot) {
        return analysed.get(slot);
    }

    /**
     * Whether the rule in {@code slot} applies to documents read as {@code lang}. Russian rules
     * apply to Kazakh, Kyrgyz, Uzbek and Tajik documents as well: their press borrows the Russian
     * security vocabulary (террорист, экстремисттик, наркотик), which their stems then reach. Rules
     * marked {@code local} apply to those four only.
     */
    boolean appliesTo(int slot, String lang) {
        String ruleLang = keys.get(slot).lang();
        return "any".equals(ruleLang) || ruleLang.equals(lang)
                || ("ru".equals(ruleLang) || Matcher.LOCAL.equals(ruleLang)) && RuleLanguages.borrowsRussian(lang);
    }

    /** The stems that rules use as prefixes ({@code word*}), which documents must stack. */
    Set<String> prefixes() {
        Set<String> all = new HashSet<>(rules.prefixes());
        all.addAll(names.prefixes());
        return Collections.unmodifiableSet(all);
    }
}
