package org.karaul.processor.gazetteer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.karaul.processor.classify.Document;
import org.karaul.processor.classify.TaxonomyClassifier;
import org.karaul.processor.taxonomy.Taxonomy;
import org.karaul.processor.taxonomy.TaxonomyLoader;
import org.karaul.processor.testing.Corpus;
import org.karaul.processor.testing.NewsCorpora;

/**
 * Prints a fixed random sample of the place mentions the classifier resolves in real news, to be judged by
 * hand for the false place rate, on request only: {@code -Dkaraul.placesample=N} (sample size),
 * {@code -Dkaraul.placesample.set=hand|generated|all} (the hand-written entries alone, as before the generated
 * gazetteer; only the mentions of generated entries; or everything, the default). Texts: the Kyrgyz 24.kg
 * articles and Russian Telegram posts of {@code shared/data}, reserved items and the corpus's frozen items
 * left out. Writes {@code target/place-sample-SET.txt}: one line per mention with its id, countries,
 * entry, the words matched and 60 characters either side. The seed is fixed, so a run is reproducible.
 */
class PlaceSample {
    private static final Pattern PLACE = Pattern.compile("place (\\[[A-Z, ]+\\]) \\w+ @(title|text):(\\d+) (.*?) \\((.*)\\)");
    private static final int CONTEXT = 60;

    @Test
    void sample() throws IOException {
        String size = System.getProperty("karaul.placesample");
        Assumptions.assumeTrue(size != null, "sampling runs only with -Dkaraul.placesample=N");
        String set = System.getProperty("karaul.placesample.set", "all");
        Taxonomy bundled = TaxonomyLoader.bundled();
        Taxonomy taxonomy = bundled;
        if (set.equals("hand")) {
            Gazetteer g = bundled.gazetteer();
            List<Place> hand = g.places().stream().filter(p -> !p.capitalised()).toList();
            taxonomy = new Taxonomy(bundled.version(), bundled.contexts(), bundled.categories(), bundled.cues(),
                    new Gazetteer(g.groups(), hand, g.regionCountries(), g.notPlaces(), g.homeCountries()));
        }
        Set<String> generated = new HashSet<>();
        bundled.gazetteer().places().stream().filter(Place::capitalised).forEach(p -> generated.add(p.name()));
        Set<String> frozen = new HashSet<>(Corpus.ids(Corpus.Fold.FROZEN));
        List<String> mentions = new ArrayList<>();
        int docs = 0;
        try (TaxonomyClassifier classifier = new TaxonomyClassifier(taxonomy, TaxonomyClassifier.Engine.INDEX)) {
            for (Document doc : NewsCorpora.all()) {
                if (!(doc.id().startsWith("ky/") || doc.id().startsWith("tg/")) || frozen.contains(doc.id())) {
                    continue;
                }
                docs++;
                for (String line : classifier.explain(doc)) {
                    Matcher m = PLACE.matcher(line);
                    if (!m.matches() || (set.equals("generated") && !generated.contains(m.group(5)))) {
                        continue;
                    }
                    String value = m.group(2).equals("title") ? doc.title() : doc.text();
                    int start = Integer.parseInt(m.group(3));
                    int end = start + m.group(4).length();
                    String context = value.substring(Math.max(0, start - CONTEXT), start) + "[[" + m.group(4) + "]]"
                            + value.substring(end, Math.min(value.length(), end + CONTEXT));
                    // a cut through an emoji leaves half a surrogate pair, which UTF-8 cannot write
                    String whole = context.codePoints().filter(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE)
                            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
                    mentions.add(doc.id() + " | " + m.group(1) + " | " + m.group(5) + " | " + whole.replaceAll("\\s+", " "));
                }
            }
        }
        int total = mentions.size();
        Collections.shuffle(mentions, new Random(20261202L));
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "# %s: %d place mentions in %d tuning-side texts (24.kg Kyrgyz, Russian Telegram); sample of %s",
                set, total, docs, size));
        List<String> sample = mentions.subList(0, Math.min(total, Integer.parseInt(size)));
        for (int i = 0; i < sample.size(); i++) {
            out.add((i + 1) + ". " + sample.get(i));
        }
        Path file = Path.of("target", "place-sample-" + set + ".txt");
        Files.write(file, out, StandardCharsets.UTF_8);
        System.out.println(out.get(0) + " -> " + file.toAbsolutePath());
    }
}
