package org.karaul.processor.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.karaul.processor.taxonomy.Matcher;

/**
 * Every rule of a taxonomy stored as a Lucene Monitor query. {@link #match} indexes one document in
 * memory, lets the presearcher pick the candidate rules, runs them and returns the spans that fired.
 * Thread-safe: Monitor matching is safe for concurrent callers.
 */
public final class RuleMonitor implements AutoCloseable {
    private static final FieldType WITH_OFFSETS = offsets();
    /** Characters between the title's end and the text's start in the one indexed field (Lucene's default offset gap). */
    private static final int OFFSET_GAP = 1;
    /** Rule languages; each has its own monitor holding its rules and the language-neutral ones. */
    private static final List<String> LANGS = List.of("en", "ru");
    private final Map<String, Monitor> monitors = new HashMap<>();
    private final Map<String, List<MonitorQuery>> pending = new HashMap<>();
    private final Map<String, RuleKey> keys = new HashMap<>();
    private final QueryCompiler compiler;
    private final QueryCompiler names = QueryCompiler.forNames();

    public RuleMonitor() {
        this.compiler = new QueryCompiler(new KaraulAnalyzer());
        for (String lang : LANGS) {
            pending.put(lang, new ArrayList<>());
        }
    }

    private static FieldType offsets() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    /** Queues a rule; call {@link #commit()} once all are added. Throws {@link IllegalArgumentException} for a bad term. */
    public void add(RuleKey key, Matcher matcher) {
        String id = key.queryId();
        if (keys.putIfAbsent(id, key) != null) {
            throw new IllegalArgumentException("duplicate rule " + id);
        }
        boolean name = key.kind() == RuleKey.Kind.GROUP || key.kind() == RuleKey.Kind.PLACE;
        MonitorQuery query = new MonitorQuery(id, (name ? names : compiler).compile(matcher));
        for (String lang : LANGS) {
            if ("any".equals(key.lang()) || lang.equals(key.lang())) {
                pending.get(lang).add(query);
            }
        }
    }

    /** Builds the monitors, with a document analyser that stacks the word prefixes the rules use, and stores the rules. */
    public void commit() {
        if (!monitors.isEmpty()) {
            throw new IllegalStateException("rules are already committed");
        }
        java.util.Set<String> prefixes = new java.util.HashSet<>(compiler.prefixes());
        prefixes.addAll(names.prefixes());
        KaraulAnalyzer documents = KaraulAnalyzer.forDocuments(prefixes);
        try {
            for (String lang : LANGS) {
                monitors.put(lang, new Monitor(documents));
                monitors.get(lang).register(pending.get(lang));
                pending.get(lang).clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register rules", e);
        }
    }

    public int ruleCount() {
        return keys.size();
    }

    /** The rules that fire on a document read as {@code lang} ({@code en} or {@code ru}); other languages' rules are not run. */
    public MatchResult match(String title, String text, String lang) {
        Document doc = new Document();
        if (!title.isEmpty()) {
            doc.add(new Field(QueryCompiler.FIELD, title, WITH_OFFSETS));
        }
        doc.add(new Field(QueryCompiler.FIELD, text, WITH_OFFSETS));
        MatchingQueries<HighlightsMatch> matches;
        try {
            matches = monitors.getOrDefault(lang, monitors.get("en")).match(doc, HighlightsMatch.MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException("matching failed", e);
        }
        int textShift = title.isEmpty() ? 0 : title.length() + OFFSET_GAP;
        Map<RuleKey, List<Span>> fired = new HashMap<>();
        for (HighlightsMatch m : matches.getMatches()) {
            RuleKey key = keys.get(m.getQueryId());
            if (key != null) {
                fired.put(key, spans(m, title, text, textShift));
            }
        }
        return new MatchResult(lang, fired);
    }

    /** Hits mapped back to title or text offsets in reading order, adjacent words of one phrase merged. */
    private static List<Span> spans(HighlightsMatch m, String title, String text, int textShift) {
        Collection<HighlightsMatch.Hit> hits = m.getHits(QueryCompiler.FIELD);
        List<Span> out = new ArrayList<>();
        if (hits == null || hits.isEmpty()) {
            return out;
        }
        List<HighlightsMatch.Hit> sorted = new ArrayList<>(hits);
        sorted.sort(null);
        Span open = null;
        for (HighlightsMatch.Hit hit : sorted) {
            boolean inText = hit.startOffset >= textShift && textShift > 0 || title.isEmpty();
            String field = inText ? "text" : "title";
            int shift = inText ? textShift : 0;
            Span span = new Span(field, hit.startOffset - shift, hit.endOffset - shift);
            String value = inText ? text : title;
            if (open != null && open.field().equals(field) && adjacent(value, open.end(), span.start())) {
                open = new Span(field, open.start(), Math.max(open.end(), span.end()));
            } else {
                if (open != null) {
                    out.add(open);
                }
                open = span;
            }
        }
        out.add(open);
        return out;
    }

    private static boolean adjacent(String value, int end, int nextStart) {
        if (nextStart < end) {
            return true;
        }
        if (nextStart - end > 3 || nextStart > value.length()) {
            return false;
        }
        for (int i = end; i < nextStart; i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '.' || c == ',' || c == ';') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        try {
            for (Monitor m : monitors.values()) {
                m.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
