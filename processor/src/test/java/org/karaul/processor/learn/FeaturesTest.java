package org.karaul.processor.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;
import org.karaul.contract.Evidence;
import org.karaul.processor.classify.Document;
import org.karaul.processor.cli.Item;
import org.karaul.processor.cli.JsonLines;
import org.karaul.processor.engine.KaraulAnalyzer;
import org.karaul.processor.engine.RuleLanguages;
import org.karaul.processor.testing.Corpus;
import org.karaul.processor.testing.NewsCorpora;
import org.karaul.processor.testing.SharedFolder;

/**
 * {@link Features} reads each token's forms itself ({@code FeatureStems}) instead of as tokens stacked by the feature
 * analyser: the features, their first places and their order must be those the analyser's stacked tokens give
 * ({@link #reference}, the reader as it was), on every text at hand in every rule language, and on random text made of
 * the characters where the two could part (apostrophes, {@code ё}, acronyms, digits, joiners, other scripts).
 */
class FeaturesTest {
    private static final List<String> LANGUAGES = new ArrayList<>(RuleLanguages.ALL);

    static {
        LANGUAGES.add("de");
    }

    @Test
    void theSameFeaturesAsTheStackedAnalyserOnEveryTextAtHand() throws IOException {
        List<Document> docs = new ArrayList<>();
        Corpus.written(Corpus.Fold.TUNE).forEach(l -> docs.add(l.document()));
        for (int batch = 1; batch <= 3; batch++) {
            Corpus.localProbes(batch).forEach(l -> docs.add(l.document()));
        }
        Path dev = SharedFolder.require("eval/dev.jsonl");
        for (Item item : JsonLines.read(dev)) {
            docs.add(item.document());
        }
        docs.addAll(NewsCorpora.all());
        Features single = new Features();
        Features pairs = new Features(true);
        int compared = 0;
        for (Document d : docs) {
            for (String lang : LANGUAGES) {
                assertSame(single, false, d.title(), d.text(), lang);
                compared++;
            }
            assertSame(pairs, true, d.title(), d.text(), d.lang());
        }
        assertThat(compared).isGreaterThan(1_000);
    }

    @Test
    void theSameFeaturesOnTextMadeOfTheTrickyCharacters() {
        String alphabet = "aAbBkKsSzZ012 9.,:;-_#'\u2019\u2018\u02BB\u02BC`\u00B4ёЁеЕжЖқҚәӘңҢоОӣӢһ\u00AD\u00B7 \n–—«»\"()ı\u0130ŞşğĞ"
                + "\u4E2D\u6587\u3042\uD83D\uDE00\u05D0\u05D1\u0627\u0644";
        Random random = new Random(13);
        Features single = new Features();
        Features pairs = new Features(true);
        for (int i = 0; i < 3_000; i++) {
            StringBuilder b = new StringBuilder();
            int len = 1 + random.nextInt(120);
            while (b.length() < len) {
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                if (Character.isHighSurrogate(c)) {
                    continue;
                }
                b.append(c);
                if (c == '\uD83D') {
                    b.append('\uDE00');
                }
                if (random.nextInt(4) == 0) {
                    b.append(' ');
                }
            }
            String text = b.toString();
            String lang = LANGUAGES.get(random.nextInt(LANGUAGES.size()));
            assertSame(single, false, "", text, lang);
            assertSame(pairs, true, text, text, lang);
        }
    }

    private static void assertSame(Features features, boolean pairs, String title, String text, String lang) {
        Map<String, Evidence> got = features.of(title, text, lang);
        Map<String, Evidence> want = reference(pairs, title, text, lang);
        assertThat(new ArrayList<>(got.entrySet())).as("features of [%s] [%s] in %s", title, text, lang)
                .isEqualTo(new ArrayList<>(want.entrySet()));
    }

    /** The features as the reader read them before, from the feature analyser's stacked tokens. */
    private static Map<String, Evidence> reference(boolean pairs, String title, String text, String lang) {
        KaraulAnalyzer analyzer = RuleLanguages.ALL.contains(String.valueOf(lang)) ? analyzer(lang) : analyzer("en");
        Map<String, Evidence> out = new LinkedHashMap<>();
        read(analyzer, pairs, "title", title, out);
        read(analyzer, pairs, "text", text, out);
        return out;
    }

    private static final Map<String, KaraulAnalyzer> ANALYZERS = new java.util.HashMap<>();

    private static KaraulAnalyzer analyzer(String lang) {
        return ANALYZERS.computeIfAbsent(lang, KaraulAnalyzer::forFeatures);
    }

    private static void read(KaraulAnalyzer analyzer, boolean pairs, String field, String value, Map<String, Evidence> out) {
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
                boolean word = t.length() >= 3 && !t.chars().allMatch(Character::isDigit);
                if (word && !out.containsKey(t)) {
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
            throw new UncheckedIOException(e);
        }
    }

    private static void pair(String field, String value, String first, int start, String second, int end, Map<String, Evidence> out) {
        if (first != null && second != null) {
            String name = first + Features.PAIR + second;
            if (!out.containsKey(name)) {
                out.put(name, new Evidence(field, start, end, value.substring(start, end)));
            }
        }
    }
}
