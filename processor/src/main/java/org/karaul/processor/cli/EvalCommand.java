package org.karaul.processor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.karaul.contract.CategoryLabel;
import org.karaul.processor.classify.Classification;
import org.karaul.processor.classify.TaxonomyClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eval --gold FILE}: classifies a labelled JSONL set and prints accuracy; exits 1 below a threshold. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Classifies a labelled JSONL set (items with a 'gold' object) and prints per-category",
                "precision/recall/F1/support, micro and macro F1, relevance P/R, country F1, group F1,",
                "severity accuracy, the same headline figures per stated language, and the worst errors",
                "with their evidence."})
public final class EvalCommand implements Callable<Integer> {

    @Option(names = "--gold", required = true, paramLabel = "FILE", description = "labelled JSONL set")
    Path gold;

    @Option(names = "--min-micro-f1", paramLabel = "X", description = "exit with status 1 when category micro-F1 is below X")
    Double minMicroF1;

    @Option(names = "--worst", paramLabel = "N", defaultValue = "10", description = "how many worst errors to list (default ${DEFAULT-VALUE})")
    int worst;

    @Mixin
    ClassifierOptions classifierOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Item> items = JsonLines.read(gold);
        Scorecard card;
        String version;
        try (TaxonomyClassifier classifier = classifierOptions.load()) {
            version = classifier.taxonomyVersion();
            card = score(classifier, items);
        }
        PrintWriter out = spec.commandLine().getOut();
        print(out, card, version);
        out.flush();
        if (minMicroF1 != null && card.micro.f1() < minMicroF1) {
            spec.commandLine().getErr().printf(Locale.ROOT, "category micro-F1 %.3f is below the threshold %.3f%n",
                    card.micro.f1(), minMicroF1);
            return 1;
        }
        return 0;
    }

    /** Classifies every labelled item and scores it against its gold labels. */
    static Scorecard score(TaxonomyClassifier classifier, List<Item> items) {
        Scorecard card = new Scorecard();
        for (Item item : items) {
            if (item.gold() == null) {
                throw new IllegalArgumentException("item " + item.document().id() + " has no 'gold' object");
            }
            card.add(item.document().id(), item.document().lang(), Scorecard.Gold.of(item.gold()), classifier.classify(item.document()));
        }
        return card;
    }

    private void print(PrintWriter out, Scorecard card, String version) {
        out.printf(Locale.ROOT, "taxonomy %s, %d items%n%n", version, card.items);
        out.printf(Locale.ROOT, "%-28s %6s %6s %6s %8s%n", "category", "P", "R", "F1", "support");
        for (Map.Entry<String, Counts> e : card.perCategory.entrySet()) {
            Counts c = e.getValue();
            out.printf(Locale.ROOT, "%-28s %6.3f %6.3f %6.3f %8d%n", e.getKey(), c.precision(), c.recall(), c.f1(), c.support());
        }
        out.println();
        out.printf(Locale.ROOT, "category micro-F1   %.3f  (P %.3f, R %.3f)%n", card.micro.f1(), card.micro.precision(), card.micro.recall());
        out.printf(Locale.ROOT, "category macro-F1   %.3f%n", card.macroF1());
        out.printf(Locale.ROOT, "relevance           P %.3f  R %.3f%n", card.relevance.precision(), card.relevance.recall());
        out.printf(Locale.ROOT, "country F1          %.3f%n", card.countries.f1());
        out.printf(Locale.ROOT, "group F1            %.3f%n", card.groups.f1());
        out.printf(Locale.ROOT, "severity accuracy   %.3f%n", card.severityAccuracy());
        printLanguages(out, card);
        out.printf(Locale.ROOT, "%nworst errors (%d items not exact)%n", card.misses.size());
        for (Scorecard.Miss m : card.worst(worst)) {
            out.printf(Locale.ROOT, "%s  expected %s%n         got      %s%n", m.id(), describe(m.expected()), describe(m.got()));
            for (CategoryLabel l : m.got().categories()) {
                String ev = l.evidence().stream().map(e -> e.field() + ":" + e.start() + "-" + e.end() + " '" + e.term() + "'")
                        .collect(Collectors.joining(", "));
                out.printf(Locale.ROOT, "         %s because %s%n", l.id(), ev);
            }
        }
    }

    /** One line per stated language: the headline figures of that language's items. */
    static void printLanguages(PrintWriter out, Scorecard card) {
        out.printf(Locale.ROOT, "%n%-9s %6s %8s %8s %6s %6s %8s %8s %8s%n",
                "language", "items", "micro-F1", "macro-F1", "rel-P", "rel-R", "country", "group", "severity");
        card.byLanguage.forEach((lang, c) -> out.printf(Locale.ROOT, "%-9s %6d %8.3f %8.3f %6.3f %6.3f %8.3f %8.3f %8.3f%n",
                lang, c.items, c.micro.f1(), c.macroF1(), c.relevance.precision(), c.relevance.recall(),
                c.countries.f1(), c.groups.f1(), c.severityAccuracy()));
    }

    private static String describe(Scorecard.Gold g) {
        return g.relevant() ? g.categories() + " " + g.countries() + " " + g.groups() + " " + g.severity() : "not relevant";
    }

    private static String describe(Classification c) {
        if (!c.relevant()) {
            return "not relevant";
        }
        List<String> cats = c.categories().stream().map(CategoryLabel::id).toList();
        return cats + " " + c.countries() + " " + c.groups() + " " + c.severity().id();
    }
}
