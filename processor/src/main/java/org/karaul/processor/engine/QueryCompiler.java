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
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.karaul.processor.taxonomy.Matcher;

/**
 * Turns a readable {@link Matcher} into a Lucene span query over the {@code title} and {@code text}
 * fields, analysing every term with the documents' analyser.
 */
final class QueryCompiler {
    static final List<String> FIELDS = List.of("title", "text");
    private final Analyzer analyzer;

    QueryCompiler(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** A compiler for gazetteer names, analysed with light stems. */
    static QueryCompiler forNames() {
        return new QueryCompiler(KaraulAnalyzer.forNames());
    }

    /** The query for a matcher; throws {@link IllegalArgumentException} naming a term that analyses to nothing. */
    Query compile(Matcher matcher) {
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        for (String field : FIELDS) {
            fields.add(forField(matcher, field), BooleanClause.Occur.SHOULD);
        }
        return fields.build();
    }

    private SpanQuery forField(Matcher matcher, String field) {
        SpanQuery first = anyOf(matcher.terms(), field);
        if (!matcher.isProximity()) {
            return first;
        }
        SpanQuery second = anyOf(matcher.near(), field);
        return new SpanNearQuery(new SpanQuery[] {first, second}, matcher.within(), false);
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
                Term t = new Term(field, tokens.get(i));
                words.add(prefix && i == tokens.size() - 1
                        ? new SpanMultiTermQueryWrapper<>(new PrefixQuery(t))
                        : new SpanTermQuery(t));
            }
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("term '" + term + "' has no words after analysis");
        }
        return words.size() == 1 ? words.get(0) : new SpanNearQuery(words.toArray(new SpanQuery[0]), 0, true);
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
