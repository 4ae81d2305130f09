package org.karaul.processor.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.karaul.processor.engine.LanguageGuesser;
import org.karaul.processor.learn.CategoryModel;
import org.karaul.processor.learn.Features;
import org.karaul.processor.taxonomy.Taxonomy;
import org.karaul.processor.taxonomy.TaxonomyLoader;
import org.karaul.processor.testing.Corpus;
import org.karaul.processor.testing.Corpus.Fold;
import org.karaul.processor.testing.Corpus.Labelled;

/**
 * Trains the category model on the corpus's tuning fold, on request only:
 * {@code -Dkaraul.train=validate} trains on half the tuning fold and prints the rules-plus-model
 * figures on the other half for a grid of thresholds (how {@link SecondOpinion}'s were chosen);
 * {@code -Dkaraul.train=cv} runs a {@value #FOLDS}-fold cross-validation over the tuning fold and
 * prints, per variant (the arbiter's order and second-label rule; with {@code -Dkaraul.train.cv.thresholds=true} also
 * features, thresholds, whether the model may make an item relevant on its own),
 * the mean and fold-to-fold spread of its figures and of its difference from the shipped settings;
 * {@code -Dkaraul.train=PATH} trains on the whole tuning fold and writes the model to PATH
 * ({@code -Dkaraul.train.pairs=true}: with word pairs). Never reads the frozen fold.
 */
class CategoryModelTraining {
    static final int EPOCHS = 30;
    static final long SEED = 20261202L;
    /** Word forms whose weights all stay below this are left out of the shipped table. */
    static final double MIN_WEIGHT = 0.05;
    static final int FOLDS = 5;

    @Test
    void train() {
        String mode = System.getProperty("karaul.train");
        Assumptions.assumeTrue(mode != null, "training runs only with -Dkaraul.train=validate|PATH");
        List<Labelled> tune = new ArrayList<>(Corpus.written(Fold.TUNE));
        tune.addAll(Corpus.real(Fold.TUNE));
        boolean pairs = Boolean.getBoolean("karaul.train.pairs");
        if (mode.equals("validate")) {
            validate(tune);
        } else if (mode.equals("cv")) {
            CrossValidation.run(tune, FOLDS);
        } else {
            TribuoTrainer.train(examples(tune, pairs), EPOCHS, SEED).write(Path.of(mode), MIN_WEIGHT);
            System.out.println("model trained on " + tune.size() + " items, written to " + mode);
        }
    }

    private static void validate(List<Labelled> tune) {
        List<Labelled> a = new ArrayList<>();
        List<Labelled> b = new ArrayList<>();
        for (Labelled l : tune) {
            (Math.abs(l.document().id().hashCode()) % 2 == 0 ? a : b).add(l);
        }
        Taxonomy taxonomy = TaxonomyLoader.bundled();
        report("rules only", new TaxonomyClassifier(taxonomy, TaxonomyClassifier.Engine.INDEX), b);
        List<TribuoTrainer.Item> ax = examples(a, false);
        for (int epochs : new int[] {10, 30}) {
            CategoryModel model = TribuoTrainer.train(ax, epochs, SEED);
            for (double alone : new double[] {0.3, 0.4, 0.5}) {
                for (double beside : new double[] {0.3, 0.4, 0.5}) {
                    report(String.format(Locale.ROOT, "epochs %d alone %.1f beside %.1f", epochs, alone, beside), new TaxonomyClassifier(taxonomy,
                            TaxonomyClassifier.Engine.INDEX, new SecondOpinion(model, taxonomy, alone, beside, SecondOpinion.Arbiter.NONE)), b);
                }
            }
        }
    }

    private static void report(String name, TaxonomyClassifier classifier, List<Labelled> items) {
        CrossValidation.Score s = CrossValidation.score(classifier, items);
        System.out.printf(Locale.ROOT, "%-24s micro-F1 %.3f (P %.3f R %.3f)  relevance P %.3f R %.3f%n", name,
                s.microF1(), s.p(), s.r(), s.relP(), s.relR());
    }

    static List<TribuoTrainer.Item> examples(List<Labelled> items, boolean pairs) {
        Features features = new Features(pairs);
        LanguageGuesser languages = new LanguageGuesser();
        List<TribuoTrainer.Item> out = new ArrayList<>();
        for (Labelled l : items) {
            String lang = languages.ruleLanguage(l.document().lang(), l.document().title(), l.document().text());
            List<String> cats = new ArrayList<>();
            l.gold().path("categories").forEach(n -> cats.add(n.asText()));
            out.add(new TribuoTrainer.Item(features.of(l.document().title(), l.document().text(), lang).keySet(), cats));
        }
        return out;
    }
}
