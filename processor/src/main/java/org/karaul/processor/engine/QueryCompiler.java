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
 * Analyses a readable {@link Matcher} with the documents' analyser into an {@link AnalysedRule},
 * and turns that into a Lucene query over the {@code body} field (title and text as two values).
 */
final class QueryCompiler {
    /** Title and text are indexed as two values of one field, so each rule is one query over both. */
    static final String FIELD = "body";
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
     * The analysed form of a matcher; throws {@link IllegalArgumentException} naming a term that
     * analyses to nothing.
     */
    AnalysedRule analyse(Matcher matcher) {
        return new AnalysedRule(phrases(matcher.terms()), phrases(matcher.near()), matcher.within());
    }

    /**
     * The query for an analysed matcher. A plain matcher becomes a disjunction of term and phrase
     * queries, which Monitor's query decomposer splits so the presearcher only runs the alternatives
     * whose words occur in a document; a proximity matcher becomes an unordered span query.
     */
    static Query compile(AnalysedRule rule) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        if (rule.isProximity()) {
            SpanQuery first = anyOf(rule.terms());
            SpanQuery second = anyOf(rule.near());
            any.add(new SpanNearQuery(new SpanQuery[] {first, second}, rule.within(), false), BooleanClause.Occur.SHOULD);
        } else {
            for (List<String> phrase : rule.terms()) {
                any.add(plain(phrase), BooleanClause.Occur.SHOULD);
            }
        }
        return any.build();
    }

    private static Query plain(List<String> phrase) {
        if (phrase.size() == 1) {
            return new TermQuery(new Term(FIELD, phrase.get(0)));
        }
        PhraseQuery.Builder b = new PhraseQuery.Builder();
        phrase.forEach(t -> b.add(new Term(FIELD, t)));
        return b.build();
    }

    private static SpanQuery anyOf(List<List<String>> phrases) {
        List<SpanQuery> alternatives = new ArrayList<>();
        for (List<String> phrase : phrases) {
            alternatives.add(span(phrase));
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new SpanOrQuery(alternatives.toArray(new SpanQuery[0]));
    }

    private static SpanQuery span(List<String> phrase) {
        SpanQuery[] words = phrase.stream().map(t -> new SpanTermQuery(new Term(FIELD, t))).toArray(SpanQuery[]::new);
        return words.length == 1 ? words[0] : new SpanNearQuery(words, 0, true);
    }

    private List<List<String>> phrases(List<String> terms) {
        List<List<String>> out = new ArrayList<>();
        for (String term : terms) {
            out.add(phrase(term));
        }
        return out;
    }

    /** The analysed words of one term: {@code =X} is the acronym marker, a trailing {@code *} a stem prefix. */
    private List<String> phrase(String term) {
        if (term.startsWith("=")) {
            return List.of(CapsMarkerFilter.MARK + term.substring(1).toLowerCase(Locale.ROOT));
        }
        List<String> words = new ArrayList<>();
        for (String word : term.trim().split("\\s+")) {
            boolean prefix = word.endsWith("*");
            List<String> tokens = tokens(prefix ? word.substring(0, word.length() - 1) : word);
            for (int i = 0; i < tokens.size(); i++) {
                boolean last = prefix && i == tokens.size() - 1;
                if (last) {
                    prefixes.add(tokens.get(i));
                }
                words.add(last ? tokens.get(i) + WordForms.PREFIX_MARK : tokens.get(i));
            }
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("term '" + term + "' has no words after analysis");
        }
        return List.copyOf(words);
    }

    /** The stems that rules compiled so far use as prefixes ({@code word*}). */
    java.util.Set<String> prefixes() {
        return prefixes;
    }

    /** The analysed words of {@code text}, without stacked acronym markers. */
    List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(FIELD, text)) {
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
