package org.karaul.processor.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.Evidence;
import org.karaul.contract.PlaceRef;
import org.karaul.contract.Severity;

/**
 * Digests: a post or newsletter listing several unrelated stories, one per bullet ("• ...",
 * "— ...", "1. ...") or one per labelled line ("ISFARA — ...", "Afghanistan: ...", "→ Osh: ...",
 * "Finance. ..."). Read whole, the loudest story decides for all of them, and a football result
 * among them marks the whole item off-topic; so each story is classified on its own and the
 * verdicts are merged: relevant when any story is, the two best-scoring categories (evidence offsets
 * into the whole text), the countries and groups of the relevant stories, the highest severity.
 */
final class Digests {
    /** Fewer bullets than this is an ordinary item with a list in it. */
    static final int MIN_STORIES = 3;
    /** A digest starts its list at once; an article quoting speech ("— he said") has paragraphs first. */
    static final int MAX_LEAD = 150;
    /** Digest stories are short; longer bulleted parts are sections of one article. */
    static final int MAX_AVERAGE_STORY = 500;
    /**
     * A bullet at the start of a line, matched line by line ({@link #bulleted}): {@code (?m)^} in a search would try
     * every character of a long text for a line start.
     */
    private static final Pattern BULLET = Pattern.compile("[ \\t]*(?:[•▪◦●■►▶✅❗🔹🔸🔴🟢—–-]|\\d{1,2}[.)])[ \\t]+(?=\\S)");
    /**
     * A story headed by a short label at the start of a line: a place, country or topic ("ISFARA — ...", "Afghanistan: ...",
     * "Finance. ..."); wires' and newsletters' digests use it in place of bullets, sometimes after an arrow. A one-word
     * label may end in a full stop. Matched line by line (one anchored match per line, not a scan of the text).
     */
    private static final Pattern LABEL = Pattern.compile(
            "[ \\t]*(?:[→➡][ \\t]*)?(?:(\\p{Lu}[\\p{L}'’.-]*(?:[ \\t]\\p{L}[\\p{L}'’.-]*){0,2})[ \\t]?(?::|[ \\t][—–])"
            + "|(\\p{Lu}\\p{L}+)\\.)[ \\t]+(?=\\S)");

    private Digests() {
    }

    /** The [start, end) ranges of the bulleted stories in {@code text}; empty when it is not a digest. */
    static List<int[]> stories(String text) {
        List<Integer> starts = bulleted(text);
        if (!isList(starts, text)) {
            starts = labelled(text);
        }
        if (!isList(starts, text)) {
            return List.of();
        }
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? lineStart(text, starts.get(i + 1)) : text.length();
            out.add(new int[] {starts.get(i), end});
        }
        return out;
    }

    /**
     * Where each bulleted story starts: after its bullet. A line starts where {@code (?m)^} would match: at the start
     * of the text and after a line terminator ({@code \n}, {@code \r} not before {@code \n}, U+0085, U+2028, U+2029),
     * never at the end of the text.
     */
    private static List<Integer> bulleted(String text) {
        List<Integer> starts = new ArrayList<>();
        Matcher m = BULLET.matcher(text);
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                char before = text.charAt(i - 1);
                boolean terminator = before == '\n' || before == '\r' && text.charAt(i) != '\n'
                        || (before | 1) == '\u2029' || before == '\u0085';
                if (!terminator) {
                    continue;
                }
            }
            if (m.region(i, n).lookingAt()) {
                starts.add(m.end());
            }
        }
        return starts;
    }

    /**
     * Where each labelled story starts, the label included (it names the story's place); none when a label repeats:
     * a digest's labels differ, while an interview's speakers ("Prof. Carlos: ...") come back.
     */
    private static List<Integer> labelled(String text) {
        List<Integer> starts = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        Matcher m = LABEL.matcher(text);
        int line = 0;
        while (line < text.length()) {
            if (starts.isEmpty() && line > MAX_LEAD) {
                return starts;
            }
            int end = text.indexOf('\n', line);
            end = end < 0 ? text.length() : end;
            if (m.region(line, end).lookingAt()) {
                String label = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
                if (!labels.add(label)) {
                    return List.of();
                }
                starts.add(line);
            }
            line = end + 1;
        }
        return starts;
    }

    private static boolean isList(List<Integer> starts, String text) {
        return starts.size() >= MIN_STORIES && starts.get(0) <= MAX_LEAD
                && (text.length() - starts.get(0)) / starts.size() <= MAX_AVERAGE_STORY;
    }

    private static int lineStart(String text, int pos) {
        int nl = text.lastIndexOf('\n', pos - 1);
        return nl < 0 ? pos : nl;
    }

    /** Classifies each story with {@code one} and merges the verdicts. */
    static Classification merge(Document doc, List<int[]> stories, Function<Document, Classification> one, String version) {
        List<CategoryLabel> labels = new ArrayList<>();
        Set<String> countries = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        List<Classification> relevant = new ArrayList<>();
        for (int[] s : stories) {
            Classification c = one.apply(new Document(doc.id(), "", doc.text().substring(s[0], s[1]), doc.lang()));
            if (!c.relevant()) {
                continue;
            }
            relevant.add(c);
            for (CategoryLabel l : c.categories()) {
                labels.add(shifted(l, s[0]));
            }
        }
        if (relevant.isEmpty()) {
            return Classification.irrelevant(version);
        }
        List<CategoryLabel> best = new ArrayList<>();
        labels.stream().sorted(Comparator.comparingDouble(CategoryLabel::score).reversed())
                .filter(l -> best.stream().noneMatch(b -> b.id().equals(l.id())))
                .forEach(l -> {
                    if (best.size() < CategoryScorer.MAX_LABELS) {
                        best.add(l);
                    }
                });
        Severity top = Severity.INFO;
        for (CategoryLabel l : best) {
            top = l.severity().atLeast(top) ? l.severity() : top;
        }
        relevant.sort(Comparator.comparingDouble((Classification c) -> -c.categories().stream()
                .mapToDouble(CategoryLabel::score).max().orElse(0)));
        Set<PlaceRef> locations = new LinkedHashSet<>();
        for (Classification c : relevant) {
            countries.addAll(c.countries());
            groups.addAll(c.groups());
            locations.addAll(c.locations());
        }
        List<String> topCountries = countries.stream().limit(CountryRanker.MAX_COUNTRIES).toList();
        return new Classification(true, top, best, topCountries, List.copyOf(groups), version,
                locations.stream().filter(p -> topCountries.contains(p.country())).toList());
    }

    private static CategoryLabel shifted(CategoryLabel l, int offset) {
        List<Evidence> ev = l.evidence().stream()
                .map(e -> new Evidence(e.field(), e.start() + offset, e.end() + offset, e.term())).toList();
        return new CategoryLabel(l.id(), l.severity(), l.score(), ev);
    }
}
