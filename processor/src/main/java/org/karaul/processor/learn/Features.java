package org.karaul.processor.learn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.karaul.contract.Evidence;
import org.karaul.processor.engine.KaraulAnalyzer;
import org.karaul.processor.engine.RuleLanguages;

/**
 * The words of a document as model features: each analysed form (lower-cased word, its stem,
 * local-language stems) once, with where it first stands, so a label the model gives can quote the
 * words that carried it. Thread-safe.
 */
public final class Features {
    private static final int MIN_LENGTH = 3;
    private final Map<String, KaraulAnalyzer> analyzers = new LinkedHashMap<>();

    public Features() {
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

    private static void read(KaraulAnalyzer analyzer, String field, String value, Map<String, Evidence> out) {
        if (value == null || value.isEmpty()) {
            return;
        }
        try (TokenStream ts = analyzer.tokenStream(field, value)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (t.length() >= MIN_LENGTH && !t.chars().allMatch(Character::isDigit)) {
                    out.putIfAbsent(t, new Evidence(field, offset.startOffset(), offset.endOffset(),
                            value.substring(offset.startOffset(), offset.endOffset())));
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing " + field, e);
        }
    }
}
