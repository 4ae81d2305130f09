package org.karaul.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.karaul.processor.classify.Document;
import org.karaul.processor.taxonomy.CategoryRule;
import org.karaul.processor.taxonomy.Matcher;
import org.karaul.processor.taxonomy.Signal;
import org.karaul.processor.taxonomy.Taxonomy;

/**
 * The naive baseline: every rule of a taxonomy compiled to one {@link java.util.regex.Pattern}
 * (its alternatives joined, a proximity rule as "A, up to N words, B" either way round) and each
 * pattern run over the title and text of every item. No morphology: it only finds the forms written.
 */
final class NaiveRegexScanner {
    private final List<Pattern> patterns = new ArrayList<>();

    NaiveRegexScanner(Taxonomy taxonomy) {
        for (CategoryRule rule : taxonomy.categories()) {
            for (Signal s : rule.signals()) {
                patterns.add(compile(s.matcher()));
            }
            rule.exclude().forEach(m -> patterns.add(compile(m)));
        }
        taxonomy.contexts().values().forEach(list -> list.forEach(m -> patterns.add(compile(m))));
        taxonomy.cues().values().forEach(list -> list.forEach(m -> patterns.add(compile(m))));
        taxonomy.gazetteer().groups().forEach(g -> patterns.add(compile(new Matcher(g.aliases(), List.of(), 0, "any"))));
        taxonomy.gazetteer().places().forEach(p -> patterns.add(compile(new Matcher(p.aliases(), List.of(), 0, "any"))));
    }

    int ruleCount() {
        return patterns.size();
    }

    /** How many rules fire on the item. */
    int scan(Document doc) {
        int fired = 0;
        for (Pattern p : patterns) {
            if (p.matcher(doc.title()).find() || p.matcher(doc.text()).find()) {
                fired++;
            }
        }
        return fired;
    }

    private static Pattern compile(Matcher m) {
        String a = alternatives(m.terms());
        if (!m.isProximity()) {
            return Pattern.compile("\\b" + a + "\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
        }
        String b = alternatives(m.near());
        String gap = "(?:\\W+\\w+){0," + m.within() + "}\\W+";
        return Pattern.compile("\\b(?:" + a + gap + b + "|" + b + gap + a + ")\\b",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    }

    private static String alternatives(List<String> terms) {
        List<String> parts = new ArrayList<>();
        for (String t : terms) {
            String term = t.startsWith("=") ? t.substring(1) : t;
            boolean prefix = term.endsWith("*");
            String body = Pattern.quote(prefix ? term.substring(0, term.length() - 1) : term).replace(" ", "\\E\\s+\\Q");
            parts.add(prefix ? body + "\\w*" : body);
        }
        return "(?:" + String.join("|", parts) + ")";
    }
}
