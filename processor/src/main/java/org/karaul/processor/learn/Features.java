package org.karaul.processor.learn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.karaul.contract.Evidence;
import org.karaul.processor.engine.KaraulAnalyzer;
import org.karaul.processor.engine.RuleLanguages;

/**
 * The words of a document as model features: each analysed form (lower-cased word, its stem,
 * local-language stems) once, with where it first stands, so a label the model gives can quote the
 * words that carried it. With {@code pairs}, also each two adjacent words as one feature, written
 * as their shortest forms joined by a space ({@value #PAIR}), so a model can tell "border guards"
 * from "border" and "guards". Thread-safe.
 */
public final class Features {
    /** What joins the two forms of a word-pair feature; no single form contains it. */
    public static final String PAIR = " ";
    private static final int MIN_LENGTH = 3;
    private final Map<String, KaraulAnalyzer> analyzers = new LinkedHashMap<>();
    private final boolean pairs;

    /** Single word forms only. */
    public Features() {
        this(false);
    }

    /** With {@code pairs}, adjacent word pairs as well. */
    public Features(boolean pairs) {
        this.pairs = pairs;
        for (String lang : RuleLanguages.ALL) {
            analyzers.put(lang, KaraulAnalyzer.forFeatures(lang));
        }
    }

    /** Feature name to the first place it stands (title first, then text). */
    public Map<String, Evidence> of(String title, String text, String lang) {
        KaraulAnalyzer analyzer = analyzers.getOrDefault(lang, analyzers.get("en"));
        Map<String, Evidence> out = new LinkedHashMap<>();
        read(analyzer, "title", title, out);
        read(analyzer, "text", text, out);
        return out;
    }

    private void read(KaraulAnalyzer analyzer, String field, String value, Map<String, Evidence> out) {
        if (value == null || value.isEmpty()) {
            return;
        }
        try (TokenStream ts = analyzer.tokenStream(field, value)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute step = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            String previous = null;
            int previousStart = -1;
            String current = null;
            int currentStart = -1;
            int currentEnd = -1;
            while (ts.incrementToken()) {
                String t = term.toString();
                boolean word = t.length() >= MIN_LENGTH && !t.chars().allMatch(Character::isDigit);
                if (word && !out.containsKey(t)) {
                    // the evidence (and its cut of the text) is made for a word's first place only
                    out.put(t, new Evidence(field, offset.startOffset(), offset.endOffset(),
                            value.substring(offset.startOffset(), offset.endOffset())));
                }
                if (!pairs) {
                    continue;
                }
                if (step.getPositionIncrement() > 0) {
                    pair(field, value, previous, previousStart, current, currentEnd, out);
                    previous = step.getPositionIncrement() == 1 ? current : null;
                    previousStart = currentStart;
                    current = null;
                    currentStart = offset.startOffset();
                    currentEnd = offset.endOffset();
                }
                if (word && (current == null || t.length() < current.length())) {
                    current = t;
                }
            }
            if (pairs) {
                pair(field, value, previous, previousStart, current, currentEnd, out);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing " + field, e);
        }
    }

    private static void pair(String field, String value, String first, int start, String second, int end, Map<String, Evidence> out) {
        if (first != null && second != null) {
            String name = first + PAIR + second;
            if (!out.containsKey(name)) {
                out.put(name, new Evidence(field, start, end, value.substring(start, end)));
            }
        }
    }
}
