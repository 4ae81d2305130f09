package org.karaul.processor.classify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.Evidence;
import org.karaul.contract.Severity;

/**
 * The simplest honest classifier: a category fires when one of its terms starts a word in the title or text;
 * an item is relevant when a category fired and a country of the region is named.
 */
final class KeywordClassifier implements Classifier {
    private final String version;
    private final Map<String, Category> categories;
    private final List<Pattern> escalation;
    private final Map<String, List<Pattern>> countries;

    record Category(String id, Severity severity, List<Pattern> terms) {
    }

    KeywordClassifier(String version, Map<String, Category> categories, List<Pattern> escalation,
                      Map<String, List<Pattern>> countries) {
        this.version = version;
        this.categories = categories;
        this.escalation = escalation;
        this.countries = countries;
    }

    static Pattern term(String term) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term.toLowerCase(Locale.ROOT)),
                Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
    }

    @Override
    public Classification classify(Document doc) {
        boolean escalate = escalation.stream().anyMatch(p -> p.matcher(doc.title()).find() || p.matcher(doc.text()).find());
        List<CategoryLabel> labels = new ArrayList<>();
        for (Category c : categories.values()) {
            List<Evidence> evidence = new ArrayList<>();
            for (Pattern p : c.terms()) {
                find(p, "title", doc.title(), evidence);
                find(p, "text", doc.text(), evidence);
            }
            if (!evidence.isEmpty()) {
                Severity s = escalate ? c.severity().escalate() : c.severity();
                labels.add(new CategoryLabel(c.id(), s, Math.min(1.0, 0.5 + 0.1 * evidence.size()), evidence));
            }
        }
        Set<String> where = new LinkedHashSet<>();
        countries.forEach((code, names) -> {
            if (names.stream().anyMatch(p -> p.matcher(doc.title()).find() || p.matcher(doc.text()).find())) {
                where.add(code);
            }
        });
        if (labels.isEmpty() || where.isEmpty()) {
            return Classification.irrelevant(version);
        }
        Severity top = labels.stream().map(CategoryLabel::severity).max(Severity::compareTo).orElseThrow();
        return new Classification(true, top, labels, where.stream().limit(3).toList(), List.of(), version);
    }

    private static void find(Pattern p, String field, String text, List<Evidence> out) {
        Matcher m = p.matcher(text);
        if (m.find()) {
            out.add(new Evidence(field, m.start(), m.end(), m.group()));
        }
    }

    @Override
    public String taxonomyVersion() {
        return version;
    }
}
