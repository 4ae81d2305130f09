package org.karaul.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.karaul.processor.classify.Classifiers;
import org.karaul.processor.classify.TaxonomyClassifier;
import org.karaul.processor.testing.Corpus;
import org.karaul.processor.testing.Corpus.Fold;
import org.karaul.processor.testing.Corpus.Labelled;
import org.karaul.processor.testing.SharedFolder;

/**
 * Accuracy on the generalisation corpus (see {@code src/test/resources/corpus/README.md}), both folds,
 * overall and per language, with the {@code eval} scorecard. The written items run everywhere; the
 * real ones only where {@code shared/data} is beside the project. Thresholds sit a little under the
 * figures measured on each fold, so a rule change that generalises worse fails the build; the frozen
 * fold's figures are only ever read as totals (its items are never printed), so rules are not
 * written against it. The tuning fold's errors go to {@code target/corpus-tune-errors.txt}, its country and group
 * errors with the place and group names found to {@code target/corpus-tune-place-errors.txt}.
 */
class CorpusAccuracyTest {
    private static TaxonomyClassifier classifier;
    /** The rules without the learned second opinion: reported beside the full classifier, without floors. */
    private static TaxonomyClassifier rulesOnly;
    private static final StringWriter REPORT = new StringWriter();

    @BeforeAll
    static void load() {
        classifier = Classifiers.load(null, TaxonomyClassifier.Engine.INDEX);
        rulesOnly = Classifiers.load(null, TaxonomyClassifier.Engine.INDEX, false);
    }

    @AfterAll
    static void close() throws IOException {
        classifier.close();
        rulesOnly.close();
        System.out.println(REPORT);
        Files.writeString(Path.of("target", "corpus-scorecards.txt"), REPORT.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void everyItemSitsInTheFoldItsIdHashNames() {
        for (Fold fold : Fold.values()) {
            List<String> ids = Corpus.ids(fold);
            assertThat(ids).isNotEmpty().doesNotHaveDuplicates();
            assertThat(ids).allSatisfy(id -> assertThat(Fold.of(id)).as(id).isEqualTo(fold));
        }
        assertThat(Corpus.ids(Fold.TUNE)).doesNotContainAnyElementsOf(Corpus.ids(Fold.FROZEN));
    }

    @Test
    void writtenItemsHoldOnBothFolds() throws IOException {
        List<Labelled> tuning = Corpus.written(Fold.TUNE);
        Scorecard tune = score(tuning, "written, tuning fold");
        Scorecard frozen = score(Corpus.written(Fold.FROZEN), "written, frozen fold");
        writeErrors(tune, "corpus-tune-errors.txt");
        writePlaceErrors(tune, tuning, "corpus-tune-place-errors.txt");
        writeErrors(score(rulesOnly, tuning, "written, tuning fold, rules only"), "corpus-tune-errors-rules-only.txt");
        score(rulesOnly, Corpus.written(Fold.FROZEN), "written, frozen fold, rules only");
        // measured with taxonomy 2026.12.3 and the bundled category model (tuning / frozen): micro-F1 0.872 / 0.812,
        // macro 0.872 / 0.809, relevance P 0.957 / 0.945 and R 0.965 / 0.904, country F1 0.855 / 0.826,
        // group F1 0.863 / 0.864 (the model was trained on the tuning fold, so its figures flatter); taxonomy 2026.12.7:
        // micro-F1 0.899 / 0.830, macro 0.901 / 0.828, relevance P 0.979 / 0.951 and R 0.980 / 0.923; after the fifth
        // countries and groups round country F1 0.890 / 0.854, group F1 0.918 / 0.887; taxonomy 2026.12.8 (siblings yield
        // to the leading story, offline recruitment words): micro-F1 0.908 / 0.833, macro 0.909 / 0.831; taxonomy 2026.12.9
        // (the seventh round together): micro-F1 0.910 / 0.835, macro 0.911 / 0.833, relevance P 0.982 / 0.952 and
        // R 0.980 / 0.928, country F1 0.897 / 0.865, group F1 0.918 / 0.890; taxonomy 2026.12.10 (states' bodies, the
        // other side, local group names, emblems, Russia's towns; the model as arbiter among the rules' categories,
        // retrained): see CLASSIFIER.md "The eighth round together"; the ninth countries and groups round: country F1
        // 0.918 / 0.872, group F1 0.956 / 0.899; taxonomy 2026.12.12 (this stop's four rounds together): micro-F1
        // 0.944 / 0.866, macro 0.945 / 0.865, relevance P 0.982 / 0.953 and R 0.984 / 0.935, country F1 0.921 / 0.876,
        // group F1 0.957 / 0.897
        atLeast(tune, "tuning", 0.93, 0.93, 0.97, 0.97, 0.91, 0.95);
        atLeast(frozen, "frozen", 0.855, 0.855, 0.94, 0.925, 0.865, 0.89);
        // frozen fold per language: micro-F1, relevance P, relevance R, each a little under the measured figure
        // (taxonomy 2026.12.5 with the 2026.12.3 model: ky 0.949 / 1.000 / 0.963, kk-cyrl 0.720 / 1.000 / 0.750,
        // kk-latn 0.714 / 1.000 / 0.714, uz-cyrl 0.762 / 0.909 / 1.000, uz-latn 0.651 / 0.882 / 0.789, tg 0.667 / 0.952 / 0.690;
        // taxonomy 2026.12.8: ky 0.967 / 1.000 / 0.963, kk-cyrl 0.745 / 1.000 / 0.792, kk-latn 0.769 / 1.000 / 0.714;
        // the seventh local round (Uzbek read in both scripts, return and rally words): uz-latn 0.682 / 0.889 / 0.842,
        // tg 0.735 / 0.957 / 0.759; the model as arbiter, 2026.12.10: en 0.857, ru 0.872, kk-cyrl 0.833, uz-latn 0.714,
        // tg 0.730 micro-F1)
        Map<String, double[]> floors = Map.of(
                "en", new double[] {0.85, 0.92, 0.93},
                "ru", new double[] {0.86, 0.92, 0.90},
                "ky", new double[] {0.95, 0.98, 0.94},
                "kk-cyrl", new double[] {0.85, 0.98, 0.80}, // R 0.792 -> 0.750 in 2026.12.2: a reservoir alone no longer makes a border dispute; 0.833 in 2026.12.12
                "kk-latn", new double[] {0.75, 0.98, 0.69},
                "uz-cyrl", new double[] {0.74, 0.88, 0.98},
                "uz-latn", new double[] {0.69, 0.86, 0.82}, // P 0.933 -> 0.882 in 2026.12.5 (one more false alarm in 38)
                "tg", new double[] {0.75, 0.98, 0.80}); // 2026.12.12: 0.781 / 1.000 / 0.828
        floors.forEach((lang, f) -> {
            Scorecard c = frozen.byLanguage.get(lang);
            assertThat(c).as("frozen items in %s", lang).isNotNull();
            assertThat(c.micro.f1()).as("frozen %s micro-F1", lang).isGreaterThanOrEqualTo(f[0]);
            assertThat(c.relevance.precision()).as("frozen %s relevance precision", lang).isGreaterThanOrEqualTo(f[1]);
            assertThat(c.relevance.recall()).as("frozen %s relevance recall", lang).isGreaterThanOrEqualTo(f[2]);
        });
    }

    private static void atLeast(Scorecard c, String fold, double micro, double macro, double relP, double relR,
            double country, double group) {
        assertThat(c.micro.f1()).as("%s micro-F1", fold).isGreaterThanOrEqualTo(micro);
        assertThat(c.macroF1()).as("%s macro-F1", fold).isGreaterThanOrEqualTo(macro);
        assertThat(c.relevance.precision()).as("%s relevance precision", fold).isGreaterThanOrEqualTo(relP);
        assertThat(c.relevance.recall()).as("%s relevance recall", fold).isGreaterThanOrEqualTo(relR);
        assertThat(c.countries.f1()).as("%s country F1", fold).isGreaterThanOrEqualTo(country);
        assertThat(c.groups.f1()).as("%s group F1", fold).isGreaterThanOrEqualTo(group);
    }

    @Test
    void realItemsHoldOnBothFolds() throws IOException {
        SharedFolder.require("data/kyrgyz-24kg-topics");
        SharedFolder.require("data/telegram-ru-news-posts/raw");
        List<Labelled> tuning = Corpus.real(Fold.TUNE);
        Scorecard tune = score(tuning, "real, tuning fold");
        Scorecard frozen = score(Corpus.real(Fold.FROZEN), "real, frozen fold");
        writeErrors(tune, "corpus-real-tune-errors.txt");
        writePlaceErrors(tune, tuning, "corpus-real-tune-place-errors.txt");
        // measured with taxonomy 2026.12.3 and the model: Kyrgyz relevance P 0.519 / 0.200, R 0.737 / 0.286 (tuning / frozen;
        // 19 and 7 relevant items among 368 and 166); Russian Telegram R 0.400 / 0.800. Far from the goal; see the issue note.
        // Taxonomy 2026.12.6 (a CSTO summit is cooperation, migrants alone are not ethnic violence, a rally word counted once):
        // Kyrgyz P 0.536 / 0.222, R 0.789 / 0.286; Russian Telegram P 0.800 / 1.000, R 0.800 / 1.000.
        // Taxonomy 2026.12.7 (a passing mention deep in a long article is not a category): Kyrgyz tuning P 0.556, micro-F1 0.590 / 0.357.
        // The December batch (180 items labelled apart from the rules, README) lowered every figure with the rules unchanged:
        // Kyrgyz tuning P 0.556 -> 0.516, R 0.789 -> 0.516, frozen R 0.286 -> 0.200; Russian R 0.800 / 1.000 -> 0.636 / 0.778;
        // micro-F1 0.590 / 0.357 -> 0.478 / 0.314. The floors sit a little under the new figures.
        // The second batch (217 items, 6 relevant Kyrgyz rallies, the rest near-misses; README) lowered them again, rules
        // unchanged: Kyrgyz tuning P 0.516 -> 0.485, R 0.516 -> 0.444, frozen R 0.200 -> 0.182; micro-F1 0.478 / 0.314 ->
        // 0.423 / 0.302. The floors that failed only because the set changed now sit a little under the new figures.
        // Taxonomy 2026.12.9 (Kyrgyz rally words, places of exercises, the Taliban's Afghanistan, water between two states):
        // Kyrgyz tuning P 0.575, R 0.639, frozen R 0.273; micro-F1 0.518 / 0.327. Taxonomy 2026.12.10 (the model as arbiter,
        // retrained on a tuning fold holding these items): micro-F1 0.584 / 0.353.
        assertThat(tune.byLanguage.get("ky").relevance.recall()).as("tuning Kyrgyz relevance recall").isGreaterThanOrEqualTo(0.62);
        assertThat(tune.byLanguage.get("ky").relevance.precision()).as("tuning Kyrgyz relevance precision").isGreaterThanOrEqualTo(0.55);
        assertThat(tune.byLanguage.get("ru").relevance.recall()).as("tuning Russian relevance recall").isGreaterThanOrEqualTo(0.62);
        assertThat(tune.micro.f1()).as("tuning real micro-F1").isGreaterThanOrEqualTo(0.50);
        assertThat(frozen.byLanguage.get("ky").relevance.recall()).as("frozen Kyrgyz relevance recall").isGreaterThanOrEqualTo(0.25);
        assertThat(frozen.byLanguage.get("ru").relevance.recall()).as("frozen Russian relevance recall").isGreaterThanOrEqualTo(0.77);
        assertThat(frozen.micro.f1()).as("frozen real micro-F1 (0.357 with 2026.12.7, 0.314 with the December batch, 0.327 with 2026.12.9 and the second batch, 0.353 with 2026.12.10)").isGreaterThanOrEqualTo(0.34);
    }

    private static Scorecard score(List<Labelled> items, String title) {
        return score(classifier, items, title);
    }

    private static Scorecard score(TaxonomyClassifier with, List<Labelled> items, String title) {
        Scorecard card = new Scorecard();
        for (Labelled item : items) {
            card.add(item.document().id(), language(item), Scorecard.Gold.of(item.gold()), with.classify(item.document()));
        }
        PrintWriter out = new PrintWriter(REPORT);
        out.printf(Locale.ROOT, "%n== %s: %d items%n", title, card.items);
        out.printf(Locale.ROOT, "micro-F1 %.3f  macro-F1 %.3f  relevance P %.3f R %.3f  country F1 %.3f  group F1 %.3f  severity %.3f%n",
                card.micro.f1(), card.macroF1(), card.relevance.precision(), card.relevance.recall(),
                card.countries.f1(), card.groups.f1(), card.severityAccuracy());
        EvalCommand.printLanguages(out, card);
        out.printf(Locale.ROOT, "%-28s %6s %6s %6s %8s%n", "category", "P", "R", "F1", "support");
        for (Map.Entry<String, Counts> e : card.perCategory.entrySet()) {
            Counts c = e.getValue();
            out.printf(Locale.ROOT, "%-28s %6.3f %6.3f %6.3f %8d%n", e.getKey(), c.precision(), c.recall(), c.f1(), c.support());
        }
        out.flush();
        return card;
    }

    private static String language(Labelled item) {
        return item.script() == null ? item.language() : item.language() + "-" + item.script();
    }

    /**
     * The tuning items whose countries or groups differ from the labels, for reading by kind: the labels against the
     * classifier's, whether both call the item relevant (else the difference follows from relevance), and every place
     * and group name the rules found, with its position. Tuning fold only.
     */
    private static void writePlaceErrors(Scorecard tune, List<Labelled> items, String file) throws IOException {
        Map<String, Labelled> byId = new HashMap<>();
        items.forEach(i -> byId.put(i.document().id(), i));
        List<String> lines = new ArrayList<>();
        for (Scorecard.Miss m : tune.misses) {
            boolean countries = !Set.copyOf(m.expected().countries()).equals(Set.copyOf(m.got().countries()));
            boolean groups = !Set.copyOf(m.expected().groups()).equals(Set.copyOf(m.got().groups()));
            if (!countries && !groups) {
                continue;
            }
            Labelled item = byId.get(m.id());
            String kind = m.expected().relevant() && m.got().relevant() ? "both relevant"
                    : m.expected().relevant() ? "missed item" : m.got().relevant() ? "false alarm" : "neither relevant";
            lines.add("== " + m.id() + " " + language(item) + " (" + kind + ")"
                    + (countries ? "  countries " + m.expected().countries() + " got " + m.got().countries() : "")
                    + (groups ? "  groups " + m.expected().groups() + " got " + m.got().groups() : ""));
            lines.add("   title: " + item.document().title());
            lines.add("   text: " + item.document().text().replace('\n', ' '));
            classifier.explain(item.document()).stream().filter(l -> l.startsWith("place ") || l.startsWith("group ") || l.startsWith("cue "))
                    .forEach(l -> lines.add("   " + l));
        }
        Files.write(Path.of("target", file), lines, StandardCharsets.UTF_8);
    }

    private static void writeErrors(Scorecard tune, String file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Scorecard.Miss m : tune.worst(Integer.MAX_VALUE)) {
            lines.add(m.id() + "  expected " + m.expected() + "\n   got " + m.got().relevant() + " "
                    + m.got().categories().stream().map(c -> c.id() + c.evidence().stream().map(e -> "'" + e.term() + "'").toList()).toList()
                    + " " + m.got().countries() + " " + m.got().groups());
        }
        Files.write(Path.of("target", file), lines, StandardCharsets.UTF_8);
    }
}
