package org.karaul.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.karaul.processor.taxonomy.CategoryRule;
import org.karaul.processor.taxonomy.ContractIds;
import org.karaul.processor.taxonomy.Matcher;
import org.karaul.processor.taxonomy.Signal;
import org.karaul.processor.taxonomy.Taxonomy;
import org.karaul.processor.taxonomy.TaxonomyLoader;
import org.karaul.contract.Severity;

/**
 * A taxonomy with {@code ruleCount} signals spread over the 20 contract categories: words and
 * two-word phrases drawn mostly from made-up words (as a large real taxonomy mostly does not fire)
 * and partly from the article vocabulary, with one rule in ten a proximity rule. Gazetteers and
 * cues are the bundled ones.
 */
final class SyntheticTaxonomy {
    private static final String LETTERS = "abcdefghijklmnoprstuvz";

    private SyntheticTaxonomy() {
    }

    static Taxonomy make(int ruleCount, long seed) {
        Taxonomy bundled = TaxonomyLoader.bundled();
        Random random = new Random(seed);
        List<String> vocabulary = Articles.vocabulary();
        List<CategoryRule> categories = new ArrayList<>();
        int perCategory = ruleCount / ContractIds.CATEGORIES.size();
        for (String id : ContractIds.CATEGORIES) {
            List<Signal> signals = new ArrayList<>(perCategory);
            for (int i = 0; i < perCategory; i++) {
                signals.add(new Signal(matcher(random, vocabulary, i), 1.0));
            }
            categories.add(new CategoryRule(id, Severity.MEDIUM, true, 3.0, signals, List.of(), List.of(), List.of()));
        }
        return new Taxonomy("synthetic-" + ruleCount, bundled.contexts(), categories, bundled.cues(), bundled.gazetteer());
    }

    private static Matcher matcher(Random random, List<String> vocabulary, int i) {
        String a = word(random, vocabulary);
        if (i % 10 == 0) {
            return new Matcher(List.of(a), List.of(word(random, vocabulary)), 5, "any");
        }
        String term = i % 3 == 0 ? a + " " + word(random, vocabulary) : a;
        return new Matcher(List.of(term), List.of(), 0, "any");
    }

    /** One word in five from the articles, the rest made up. */
    private static String word(Random random, List<String> vocabulary) {
        if (random.nextInt(5) == 0) {
            return vocabulary.get(random.nextInt(vocabulary.size()));
        }
        StringBuilder b = new StringBuilder();
        int len = 5 + random.nextInt(6);
        for (int k = 0; k < len; k++) {
            b.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return b.toString();
    }
}
