package org.karaul.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.karaul.contract.CategoryLabel;
import org.karaul.processor.classify.Classification;
import org.karaul.processor.testing.BundledClassifier;
import org.karaul.processor.testing.Corpus;
import org.karaul.processor.testing.Corpus.Labelled;

/**
 * The local-language probe sets: short reports per category in Kazakh, Uzbek and Tajik in both scripts (the first
 * batch, {@code src/test/resources/local-probes.jsonl}) and in those and Kyrgyz (the second batch,
 * {@code local-probes-2.jsonl}, written before the eighth round's fixes) and a third batch
 * ({@code local-probes-3.jsonl}, written before the ninth round's) and a fourth ({@code local-probes-4.jsonl}, in all six
 * languages and scripts, written blind by a hand that reads no rules), in the registers a desk reads, with near
 * misses. Each batch is scored apart; relevance precision and recall per language and script are held a little under
 * their measured figures, so a lexicon or stemming change that loses the local wording fails here. The scorecard and
 * every miss, with the rules' explanation, go to {@code target/local-probes.txt} and {@code target/local-probes-N.txt}
 * for batch N.
 */
class LocalProbesTest {

    @Test
    void firstBatchIsFoundAndNearMissesLeftAlone() throws IOException {
        // measured figures in CLASSIFIER.md, "Kazakh, Uzbek and Tajik, seventh round" and the eighth round; the tenth
        // round's demonym negation and defence words took it to relevance P 1.000 R 1.000 in every language and script
        Scorecard card = score(Corpus.localProbes(1), "local-probes.txt");
        holds(card, Map.of(
                "kk-cyrl", new double[] {0.98, 0.98},
                "kk-latn", new double[] {0.98, 0.98},
                "uz-latn", new double[] {0.98, 0.98},
                "uz-cyrl", new double[] {0.98, 0.98},
                "tg", new double[] {0.98, 0.98}));
    }

    @Test
    void secondBatchIsFoundAndNearMissesLeftAlone() throws IOException {
        // before the eighth round's fixes it read relevance P 0.935 R 0.580 (CLASSIFIER.md, "eighth round")
        Scorecard card = score(Corpus.localProbes(2), "local-probes-2.txt");
        holds(card, Map.of(
                "kk-cyrl", new double[] {0.98, 0.76},
                "kk-latn", new double[] {0.98, 0.98},
                "uz-latn", new double[] {0.98, 0.98},
                "uz-cyrl", new double[] {0.98, 0.85},
                "tg", new double[] {0.98, 0.73},
                "ky", new double[] {0.98, 0.85}));
    }

    @Test
    void thirdBatchIsFoundAndNearMissesLeftAlone() throws IOException {
        // before the ninth round's lexicon changes it read relevance P 1.000 R 0.875, after them R 1.000
        // (CLASSIFIER.md, "Kazakh, Uzbek and Tajik, ninth round")
        Scorecard card = score(Corpus.localProbes(3), "local-probes-3.txt");
        holds(card, Map.of(
                "kk-cyrl", new double[] {0.98, 0.95},
                "kk-latn", new double[] {0.98, 0.95},
                "uz-latn", new double[] {0.98, 0.95},
                "uz-cyrl", new double[] {0.98, 0.95},
                "tg", new double[] {0.98, 0.95}));
    }

    @Test
    void fourthBatchWrittenBlindIsScored() throws IOException {
        // written and labelled by a hand that reads no rules, after the ninth round; it measures, it is not tuned to
        // (CLASSIFIER.md, "The ninth round together"); floors a little under the figures it first read, but
        // Kazakh Latin's, raised after the 2018 alphabet was read (recall 0.333 -> 0.889), which the batch showed
        Scorecard card = score(Corpus.localProbes(4), "local-probes-4.txt");
        holds(card, Map.of(
                "kk-cyrl", new double[] {0.98, 0.85},
                "kk-latn", new double[] {0.98, 0.85},
                "uz-latn", new double[] {0.88, 0.98},
                "uz-cyrl", new double[] {0.98, 0.98},
                "tg", new double[] {0.98, 0.75},
                "ky", new double[] {0.98, 0.75}));
    }

    private static Scorecard score(List<Labelled> probes, String reportFile) throws IOException {
        Scorecard card = new Scorecard();
        List<String> misses = new ArrayList<>();
        for (Labelled item : probes) {
            String lang = item.script() == null ? item.language() : item.language() + "-" + item.script();
            Scorecard.Gold gold = Scorecard.Gold.of(item.gold());
            Classification got = BundledClassifier.get().classify(item.document());
            card.add(item.document().id(), lang, gold, got);
            List<String> cats = got.categories().stream().map(CategoryLabel::id).toList();
            if (gold.relevant() != got.relevant() || !gold.categories().equals(cats)) {
                misses.add(item.document().id() + " expected " + (gold.relevant() ? gold.categories() : "not relevant")
                        + " got " + (got.relevant() ? cats + " " + got.countries() : "not relevant " + cats)
                        + "  | " + item.document().title());
                BundledClassifier.get().explain(item.document()).forEach(l -> misses.add("    " + l));
            }
        }
        StringWriter report = new StringWriter();
        PrintWriter out = new PrintWriter(report);
        out.printf(Locale.ROOT, "== %s: %d items%nmicro-F1 %.3f  relevance P %.3f R %.3f%n", reportFile, card.items,
                card.micro.f1(), card.relevance.precision(), card.relevance.recall());
        EvalCommand.printLanguages(out, card);
        out.println();
        misses.forEach(out::println);
        out.flush();
        Files.writeString(Path.of("target", reportFile), report.toString(), StandardCharsets.UTF_8);
        return card;
    }

    /** Relevance precision and recall per language and script are at least their floors. */
    private static void holds(Scorecard card, Map<String, double[]> floors) {
        floors.forEach((lang, f) -> {
            Scorecard c = card.byLanguage.get(lang);
            assertThat(c).as("probes in %s", lang).isNotNull();
            assertThat(c.relevance.precision()).as("probe %s relevance precision", lang).isGreaterThanOrEqualTo(f[0]);
            assertThat(c.relevance.recall()).as("probe %s relevance recall", lang).isGreaterThanOrEqualTo(f[1]);
        });
    }
}
