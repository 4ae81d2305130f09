package org.karaul.processor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.karaul.processor.classify.Classifiers;
import org.karaul.processor.classify.TaxonomyClassifier;
import org.karaul.processor.testing.Corpus;
import org.karaul.processor.testing.Corpus.Fold;
import org.karaul.processor.testing.Corpus.Labelled;

/**
 * A tool, run only on request ({@code -Dkaraul.storyweight.ablation=lead/mentions/gap,...}, "off" for the
 * weighing switched off): the generalisation corpus scored once per story-weight variant in one JVM, both
 * folds, written and real, as totals (the frozen items are never printed). Writes
 * {@code target/story-weight-ablation.txt}.
 */
class StoryWeightAblation {

    @Test
    void scoreEachVariant() throws IOException {
        String variants = System.getProperty("karaul.storyweight.ablation");
        Assumptions.assumeTrue(variants != null, "the ablation runs only with -Dkaraul.storyweight.ablation=off,600/2/100,...");
        List<Labelled> writtenTune = Corpus.written(Fold.TUNE);
        List<Labelled> writtenFrozen = Corpus.written(Fold.FROZEN);
        List<Labelled> realTune = Corpus.real(Fold.TUNE);
        List<Labelled> realFrozen = Corpus.real(Fold.FROZEN);
        List<String> out = new ArrayList<>();
        out.add("variant | fold | micro-F1 | macro-F1 | relevance P | relevance R | country F1");
        for (String v : variants.split(",")) {
            if (v.equals("off")) {
                System.setProperty("karaul.storyweight.off", "true");
            } else {
                String[] p = v.split("/");
                System.setProperty("karaul.storyweight.off", "false");
                System.setProperty("karaul.storyweight.lead", p[0]);
                System.setProperty("karaul.storyweight.mentions", p[1]);
                System.setProperty("karaul.storyweight.gap", p[2]);
            }
            for (boolean learned : new boolean[] {true, false}) {
                try (TaxonomyClassifier c = Classifiers.load(null, TaxonomyClassifier.Engine.INDEX, learned)) {
                    String name = v + (learned ? "" : " rules-only");
                    out.add(line(name, "written tune", c, writtenTune));
                    out.add(line(name, "written frozen", c, writtenFrozen));
                    if (learned) {
                        out.add(line(name, "real tune", c, realTune));
                        out.add(line(name, "real frozen", c, realFrozen));
                    }
                }
            }
        }
        System.clearProperty("karaul.storyweight.off");
        out.forEach(System.out::println);
        Files.write(Path.of("target", "story-weight-ablation.txt"), out, StandardCharsets.UTF_8);
    }

    private static String line(String variant, String fold, TaxonomyClassifier c, List<Labelled> items) {
        Scorecard card = new Scorecard();
        for (Labelled item : items) {
            String lang = item.script() == null ? item.language() : item.language() + "-" + item.script();
            card.add(item.document().id(), lang, Scorecard.Gold.of(item.gold()), c.classify(item.document()));
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s | %s | %.3f | %.3f | %.3f | %.3f | %.3f", variant, fold,
                card.micro.f1(), card.macroF1(), card.relevance.precision(), card.relevance.recall(), card.countries.f1()));
        card.byLanguage.forEach((lang, l) -> b.append(String.format(Locale.ROOT, " | %s %.3f/%.3f/%.3f", lang, l.micro.f1(),
                l.relevance.precision(), l.relevance.recall())));
        return b.toString();
    }
}
