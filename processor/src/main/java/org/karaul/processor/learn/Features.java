package org.karaul.processor.learn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.karaul.contract.Evidence;
import org.karaul.processor.engine.FeatureStems;
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
    /** The tokens, lower-cased and marked; each token's forms come from the thread's {@link FeatureStems}. */
    private static final KaraulAnalyzer TOKENS = KaraulAnalyzer.forFeatureTokens(true);
    /** The same for a text with no character to map (no apostrophe, no {@code ё}): the same tokens, a cheaper read. */
    private static final KaraulAnalyzer PLAIN_TOKENS = KaraulAnalyzer.forFeatureTokens(false);
    private final boolean pairs;
    /** Per thread, per rule language, the forms of the words read so far. */
    private final ThreadLocal<Map<String, FeatureStems>> stems = ThreadLocal.withInitial(HashMap::new);

    /** Single word forms only. */
    public Features() {
        this(false);
    }

    /** With {@code pairs}, adjacent word pairs as well. */
    public Features(boolean pairs) {
        this.pairs = pairs;
    }

    /**
     * Feature name to the first place it stands (title first, then text). The names and places, and their order, are
     * those of the tokens of {@link KaraulAnalyzer#forFeatures}{@code (lang)} (an unknown language read as English).
     */
    public Map<String, Evidence> of(String title, String text, String lang) {
        String ruleLang = lang != null && RuleLanguages.ALL.contains(lang) ? lang : "en";
        FeatureStems forms = stems.get().computeIfAbsent(ruleLang, l -> new FeatureStems(l, MIN_LENGTH));
        Map<String, Evidence> out = new LinkedHashMap<>();
        read(forms, "title", title, out);
        read(forms, "text", text, out);
        return out;
    }

    private void read(FeatureStems forms, String field, String value, Map<String, Evidence> out) {
        if (value == null || value.isEmpty()) {
            return;
        }
        KaraulAnalyzer tokens = KaraulAnalyzer.mapsNothing(value) ? PLAIN_TOKENS : TOKENS;
        try (TokenStream ts = tokens.tokenStream(field, value)) {
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
                // the token's forms, as the feature analyser stacks them: the first at the token's position, the
                // others at the same position (increment 0), all with the token's offsets
                FeatureStems.Forms tokenForms = forms.of(term.buffer(), term.length());
                int start = offset.startOffset();
                int end = offset.endOffset();
                for (int f = 0; f < tokenForms.forms().length; f++) {
                    String t = tokenForms.forms()[f];
                    int increment = f == 0 ? step.getPositionIncrement() : 0;
                    boolean word = tokenForms.words()[f];
                    if (word && !out.containsKey(t)) {
                        // the evidence (and its cut of the text) is made for a word's first place only
                        out.put(t, new Evidence(field, start, end, value.substring(start, end)));
                    }
                    if (!pairs) {
                        continue;
                    }
                    if (increment > 0) {
                        pair(field, value, previous, previousStart, current, currentEnd, out);
                        previous = increment == 1 ? current : null;
                        previousStart = currentStart;
                        current = null;
                        currentStart = start;
                        currentEnd = end;
                    }
                    if (word && (current == null || t.length() < current.length())) {
                        current = t;
                    }
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
