package org.karaul.processor.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.karaul.processor.taxonomy.Matcher;

/**
 * Turns a readable {@link Matcher} into a Lucene query over the {@code body} field (title and text
 * as two values), analysing every term with the documents' analyser.
 */
final class QueryCompiler {
    /** Title and text are indexed as two values of one field, so each rule is one query over both. */
    static final String FIELD = "body";
    static final List<String> FIELDS = List.of(FIELD);
    private final Analyzer analyzer;
    private final java.util.Set<String> prefixes = new java.util.HashSet<>();

    QueryCompiler(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** A compiler for gazetteer names, analysed with light stems. */
    static QueryCompiler forNames() {
        return new QueryCompiler(KaraulAnalyzer.forNames());
    }

    /**
     * The query for a matcher; throws {@link IllegalArgumentException} naming a term that analyses to nothing.
     * A plain matcher becomes a disjunction of term, phrase and prefix queries, which Monitor's query
     * decomposer splits so the presearcher only runs the alternatives whose words occur in a document;
     * a proximity matcher becomes a span query per field.
     */
    Query compile(Matcher matcher) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String field : FIELDS) {
            if (matcher.isProximity()) {
                SpanQuery first = anyOf(matcher.terms(), field);
                SpanQuery second = anyOf(matcher.near(), field);
                any.add(new SpanNearQuery(new SpanQuery[] {first, second}, matcher.within(), false), BooleanClause.Occur.SHOULD);
            } else {
                for (String term : matcher.terms()) {
                    any.add(plain(term, field), BooleanClause.Occur.SHOULD);
                }
            }
        }
        return any.build();
    }

    /** One alternative as the cheapest query that matches it: term, phrase, prefix, or span for a phrase with a prefix. */
    private Query plain(String term, String field) {
        SpanQuery span = single(term, field);
        if (span instanceof SpanTermQuery t) {
            return new TermQuery(t.getTerm());
        }
        if (span instanceof SpanNearQuery near && java.util.Arrays.stream(near.getClauses()).allMatch(c -> c instanceof SpanTermQuery)) {
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            for (SpanQuery c : near.getClauses()) {
                phrase.add(((SpanTermQuery) c).getTerm());
            }
            return phrase.build();
        }
        return span;
    }

    private SpanQuery anyOf(List<String> terms, String field) {
        List<SpanQuery> alternatives = new ArrayList<>();
        for (String term : terms) {
            alternatives.add(single(term, field));
        }
        return alternatives.size() == 1
                ? alternatives.get(0)
                : new SpanOrQuery(alternatives.toArray(new SpanQuery[0]));
    }

    private SpanQuery single(String term, String field) {
        if (term.startsWith("=")) {
            String marked = CapsMarkerFilter.MARK + term.substring(1).toLowerCase(Locale.ROOT);
            return new SpanTermQuery(new Term(field, marked));
        }
        List<SpanQuery> words = new ArrayList<>();
        for (String word : term.trim().split("\\s+")) {
            boolean prefix = word.endsWith("*");
            List<String> tokens = tokens(field, prefix ? word.substring(0, word.length() - 1) : word);
            for (int i = 0; i < tokens.size(); i++) {
                boolean last = prefix && i == tokens.size() - 1;
                if (last) {
                    prefixes.add(tokens.get(i));
                }
                words.add(new SpanTermQuery(new Term(field, last ? tokens.get(i) + ScriptStemFilter.PREFIX_MARK : tokens.get(i))));
            }
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("term '" + term + "' has no words after analysis");
        }
        return words.size() == 1 ? words.get(0) : new SpanNearQuery(words.toArray(new SpanQuery[0]), 0, true);
    }

    /** The stems that rules compiled so far use as prefixes ({@code word*}). */
    java.util.Set<String> prefixes() {
        return prefixes;
    }

    /** The analysed words of {@code text}, without stacked acronym markers. */
    List<String> tokens(String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (inc.getPositionIncrement() > 0) {
                    out.add(term.toString());
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
