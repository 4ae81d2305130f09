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
 * The Kazakh, Uzbek and Tajik probe set ({@code src/test/resources/local-probes.jsonl}): one short report per category
 * in each language and script, written in the registers a desk reads, and near misses. Relevance precision and recall
 * per language and script are held a little under their measured figures, so a lexicon or stemming change that loses
 * the local wording fails here. The scorecard and every miss, with the rules' explanation, go to
 * {@code target/local-probes.txt}.
 */
class LocalProbesTest {

    @Test
    void localReportsAreFoundAndNearMissesLeftAlone() throws IOException {
        List<Labelled> probes = Corpus.localProbes();
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
        out.printf(Locale.ROOT, "== local probes: %d items%nmicro-F1 %.3f  relevance P %.3f R %.3f%n", card.items,
                card.micro.f1(), card.relevance.precision(), card.relevance.recall());
        EvalCommand.printLanguages(out, card);
        out.println();
        misses.forEach(out::println);
        out.flush();
        Files.writeString(Path.of("target", "local-probes.txt"), report.toString(), StandardCharsets.UTF_8);

        // relevance precision and recall per language and script, a little under the figures measured (CLASSIFIER.md,
        // "Kazakh, Uzbek and Tajik, seventh round")
        Map<String, double[]> floors = Map.of(
                "kk-cyrl", new double[] {0.92, 0.83},
                "kk-latn", new double[] {0.88, 0.88},
                "uz-latn", new double[] {0.93, 0.93},
                "uz-cyrl", new double[] {0.93, 0.93},
                "tg", new double[] {0.92, 0.88});
        floors.forEach((lang, f) -> {
            Scorecard c = card.byLanguage.get(lang);
            assertThat(c).as("probes in %s", lang).isNotNull();
            assertThat(c.relevance.precision()).as("probe %s relevance precision", lang).isGreaterThanOrEqualTo(f[0]);
            assertThat(c.relevance.recall()).as("probe %s relevance recall", lang).isGreaterThanOrEqualTo(f[1]);
        });
    }
}
