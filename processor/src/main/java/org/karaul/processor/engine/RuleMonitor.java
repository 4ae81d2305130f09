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

/**
 * The reference engine: every rule of a {@link RuleBook} stored as a Lucene Monitor query, one
 * monitor per rule language holding that language's rules and the language-neutral ones, each
 * indexing documents with that language's analysis.
 * {@link #match} indexes one document in memory, lets the presearcher pick the candidate rules,
 * runs them and returns the spans that fired. About 30 times slower than {@link RuleIndex}, which
 * is checked against it; kept for that check and selectable with {@code --engine monitor}.
 * Thread-safe: Monitor matching is safe for concurrent callers.
 */
public final class RuleMonitor implements RuleEngine {
    private static final FieldType WITH_OFFSETS = offsets();
    /** Characters between the title's end and the text's start in the one indexed field (Lucene's default offset gap). */
    private static final int OFFSET_GAP = 1;
    private final RuleBook book;
    private final Map<String, Monitor> monitors = new HashMap<>();

    public RuleMonitor(RuleBook book) {
        this.book = book;
        try {
            for (String lang : RuleLanguages.ALL) {
                KaraulAnalyzer documents = KaraulAnalyzer.forDocuments(book.prefixes(), lang);
                List<MonitorQuery> queries = new ArrayList<>();
                for (int slot = 0; slot < book.size(); slot++) {
                    if (book.appliesTo(slot, lang)) {
                        queries.add(new MonitorQuery(Integer.toString(slot), QueryCompiler.compile(book.rule(slot))));
                    }
                }
                Monitor monitor = new Monitor(documents);
                monitor.register(queries);
                monitors.put(lang, monitor);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register rules", e);
        }
    }

    private static FieldType offsets() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    @Override
    public MatchResult match(String title, String text, String lang) {
        Document doc = new Document();
        // a title without a letter or digit (a stray no-break space) yields no tokens, and Lucene then
        // starts the text at offset 0: index it as no title at all
        boolean titled = title.codePoints().anyMatch(Character::isLetterOrDigit);
        if (titled) {
            doc.add(new Field(QueryCompiler.FIELD, title, WITH_OFFSETS));
        }
        doc.add(new Field(QueryCompiler.FIELD, text, WITH_OFFSETS));
        MatchingQueries<HighlightsMatch> matches;
        try {
            matches = monitors.get(RuleLanguages.ALL.get(RuleLanguages.index(lang))).match(doc, HighlightsMatch.MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException("matching failed", e);
        }
        int textShift = titled ? title.length() + OFFSET_GAP : 0;
        List<HighlightsMatch> sorted = new ArrayList<>(matches.getMatches());
        sorted.sort(java.util.Comparator.comparingInt(m -> Integer.parseInt(m.getQueryId())));
        HitTable table = new HitTable();
        for (HighlightsMatch m : sorted) {
            table.begin(Integer.parseInt(m.getQueryId()));
            for (Span hit : hits(m, titled, textShift)) {
                table.add(hit.field().equals("title"), hit.start(), hit.end());
            }
            table.keep();
        }
        return table.build(lang, book, title, text);
    }

    /** Hits mapped back from the one indexed field to title or text offsets. */
    private static List<Span> hits(HighlightsMatch m, boolean titled, int textShift) {
        Collection<HighlightsMatch.Hit> hits = m.getHits(QueryCompiler.FIELD);
        List<Span> out = new ArrayList<>();
        if (hits == null) {
            return out;
        }
        for (HighlightsMatch.Hit hit : hits) {
            boolean inText = !titled || hit.startOffset >= textShift;
            int shift = inText ? textShift : 0;
            out.add(new Span(inText ? "text" : "title", hit.startOffset - shift, hit.endOffset - shift));
        }
        return out;
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
