package org.karaul.processor.classify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.karaul.contract.CategoryLabel;
import org.karaul.processor.learn.CategoryModel;
import org.karaul.processor.taxonomy.Taxonomy;
import org.karaul.processor.taxonomy.TaxonomyLoader;
import org.karaul.processor.testing.Corpus.Labelled;

/**
 * K-fold cross-validation of the category model over the tuning fold: each part in turn is held out,
 * a model trained on the others, and every variant scored on the held-out part, written and real
 * items together and the real ones apart. Prints per variant the mean over the parts and the
 * standard deviation between them, and the same for its difference from the first model variant (the rules' order,
 * the model adding at 0.3: how rules and model were combined up to 2026.12.9), so a change is kept only when its mean
 * gain is larger than that spread.
 */
final class CrossValidation {
    /** A way of combining the rules and a model. */
    private record Variant(String name, boolean pairs, int epochs, double alone, double beside, SecondOpinion.Arbiter arbiter) {
        Variant(String name, boolean pairs, int epochs, double alone, double beside) {
            this(name, pairs, epochs, alone, beside, SecondOpinion.Arbiter.NONE);
        }

        String model() {
            return (pairs ? "pairs " : "words ") + epochs;
        }
    }

    /** Counts of categories and relevance over a set of labelled items. */
    record Score(int tp, int fp, int fn, int relTp, int relFp, int relFn) {
        double microF1() {
            return 2.0 * tp / Math.max(1, 2 * tp + fp + fn);
        }

        double p() {
            return tp / (double) Math.max(1, tp + fp);
        }

        double r() {
            return tp / (double) Math.max(1, tp + fn);
        }

        double relP() {
            return relTp / (double) Math.max(1, relTp + relFp);
        }

        double relR() {
            return relTp / (double) Math.max(1, relTp + relFn);
        }

        double relF1() {
            return 2.0 * relTp / Math.max(1, 2 * relTp + relFp + relFn);
        }
    }

    /** Never lets the model label an item the rules gave nothing: it adds categories only. */
    private static final double NEVER = 2.0;

    private CrossValidation() {
    }

    static void run(List<Labelled> tune, int folds) {
        List<Variant> variants = new ArrayList<>();
        int epochs = CategoryModelTraining.EPOCHS;
        variants.add(new Variant("rules only", false, 0, Double.NaN, Double.NaN));
        variants.add(new Variant("words alone 0.3 beside 0.3", false, epochs, 0.3, 0.3));
        if (Boolean.getBoolean("karaul.train.cv.thresholds")) {
            for (double alone : new double[] {0.3, 0.4, 0.5, NEVER}) {
                for (double beside : new double[] {0.3, 0.4, 0.5}) {
                    String a = alone == NEVER ? "never" : String.format(Locale.ROOT, "%.1f", alone);
                    String name = String.format(Locale.ROOT, "words alone %s beside %.1f", a, beside);
                    if (!name.equals(variants.get(1).name())) {
                        variants.add(new Variant(name, false, epochs, alone, beside));
                    }
                }
            }
            variants.add(new Variant("pairs alone 0.3 beside 0.3", true, epochs, 0.3, 0.3));
            variants.add(new Variant("pairs alone never beside 0.3", true, epochs, NEVER, 0.3));
            for (int e : new int[] {10, 60}) {
                variants.add(new Variant("words " + e + " epochs, 0.3 / 0.3", false, e, 0.3, 0.3));
            }
        }
        // the model as arbiter among the categories the rules passed (2026.12.10)
        for (SecondOpinion.Order order : SecondOpinion.Order.values()) {
            for (double keep : new double[] {0, 0.02, 0.05}) {
                if (order != SecondOpinion.Order.RULES || keep > 0) {
                    variants.add(new Variant(String.format(Locale.ROOT, "order %s, second kept at %.2f", order.name().toLowerCase(Locale.ROOT), keep),
                            false, epochs, 0.3, 0.3, new SecondOpinion.Arbiter(order, keep)));
                }
            }
        }
        for (double keep : new double[] {0.02, 0.05, 0.1}) {
            for (double sure : new double[] {1.25, 1.5, 2}) {
                variants.add(new Variant(String.format(Locale.ROOT, "order model, kept at %.2f or %.2fx", keep, sure),
                        false, epochs, 0.3, 0.3, new SecondOpinion.Arbiter(SecondOpinion.Order.MODEL, keep, sure)));
            }
        }
        Taxonomy taxonomy = TaxonomyLoader.bundled();
        Map<String, List<Score>> all = new LinkedHashMap<>();
        Map<String, List<Score>> real = new LinkedHashMap<>();
        variants.forEach(v -> {
            all.put(v.name(), new ArrayList<>());
            real.put(v.name(), new ArrayList<>());
        });
        for (int k = 0; k < folds; k++) {
            List<Labelled> train = new ArrayList<>();
            List<Labelled> held = new ArrayList<>();
            for (Labelled l : tune) {
                (Math.floorMod(l.document().id().hashCode(), folds) == k ? held : train).add(l);
            }
            List<Labelled> heldReal = held.stream().filter(l -> l.document().id().startsWith("ky/") || l.document().id().startsWith("tg/")).toList();
            Map<String, CategoryModel> models = new LinkedHashMap<>();
            for (Variant v : variants) {
                if (v.epochs() > 0 && !models.containsKey(v.model())) {
                    models.put(v.model(), TribuoTrainer.train(CategoryModelTraining.examples(train, v.pairs()), v.epochs(), CategoryModelTraining.SEED));
                }
            }
            for (Variant v : variants) {
                TaxonomyClassifier c = v.epochs() == 0
                        ? new TaxonomyClassifier(taxonomy, TaxonomyClassifier.Engine.INDEX)
                        : new TaxonomyClassifier(taxonomy, TaxonomyClassifier.Engine.INDEX,
                                new SecondOpinion(models.get(v.model()), taxonomy, v.alone(), v.beside(), v.arbiter()));
                all.get(v.name()).add(score(c, held));
                real.get(v.name()).add(score(c, heldReal));
            }
            System.out.printf(Locale.ROOT, "part %d of %d: trained on %d, held out %d (%d real)%n", k + 1, folds, train.size(), held.size(), heldReal.size());
        }
        String base = variants.get(1).name();
        System.out.printf(Locale.ROOT, "%-38s %15s %15s %15s %15s %17s | %15s %17s%n", "variant (mean ± sd over parts)", "micro-F1", "rel P", "rel R",
                "rel F1", "d micro-F1", "real micro-F1", "real d rel F1");
        for (Variant v : variants) {
            List<Score> s = all.get(v.name());
            List<Score> r = real.get(v.name());
            System.out.printf(Locale.ROOT, "%-38s %15s %15s %15s %15s %17s | %15s %17s%n", v.name(),
                    ms(s.stream().mapToDouble(Score::microF1).toArray()),
                    ms(s.stream().mapToDouble(Score::relP).toArray()),
                    ms(s.stream().mapToDouble(Score::relR).toArray()),
                    ms(s.stream().mapToDouble(Score::relF1).toArray()),
                    ms(diff(s, all.get(base), true)),
                    ms(r.stream().mapToDouble(Score::microF1).toArray()),
                    ms(diff(r, real.get(base), false)));
        }
    }

    private static double[] diff(List<Score> a, List<Score> b, boolean micro) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = micro ? a.get(i).microF1() - b.get(i).microF1() : a.get(i).relF1() - b.get(i).relF1();
        }
        return d;
    }

    private static String ms(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean) / Math.max(1, x.length - 1);
        }
        return String.format(Locale.ROOT, "%.3f±%.3f", mean, Math.sqrt(var));
    }

    static Score score(TaxonomyClassifier classifier, List<Labelled> items) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int relTp = 0;
        int relFp = 0;
        int relFn = 0;
        for (Labelled l : items) {
            Classification c = classifier.classify(l.document());
            Set<String> got = new HashSet<>();
            c.categories().stream().map(CategoryLabel::id).forEach(got::add);
            Set<String> gold = new HashSet<>();
            l.gold().path("categories").forEach(n -> gold.add(n.asText()));
            for (String g : gold) {
                if (got.contains(g)) {
                    tp++;
                } else {
                    fn++;
                }
            }
            fp += (int) got.stream().filter(x -> !gold.contains(x)).count();
            boolean rel = l.gold().path("relevant").asBoolean();
            relTp += rel && c.relevant() ? 1 : 0;
            relFp += !rel && c.relevant() ? 1 : 0;
            relFn += rel && !c.relevant() ? 1 : 0;
        }
        return new Score(tp, fp, fn, relTp, relFp, relFn);
    }
}
