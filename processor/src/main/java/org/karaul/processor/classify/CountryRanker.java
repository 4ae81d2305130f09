package org.karaul.processor.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.karaul.processor.engine.Span;
import org.karaul.processor.gazetteer.Place;

/**
 * Ranks the countries where a development takes place from the places named: a specific place
 * (city, region, district, crossing) counts more than a country name, a mention in the title more
 * than one in the text; countries far below the leader are treated as mentioned in passing.
 */
final class CountryRanker {
    static final int MAX_COUNTRIES = 3;
    private static final double TITLE_FACTOR = 1.5;
    private static final double MIN_SCORE = 1.0;
    private static final double MIN_SHARE_OF_TOP = 0.3;

    /** One place name found in the document. */
    record Mention(Place place, Span span) {
    }

    private CountryRanker() {
    }

    static List<String> rank(List<Mention> mentions) {
        Map<String, Double> score = new HashMap<>();
        Map<String, Integer> first = new HashMap<>();
        for (Mention m : mentions) {
            double w = weight(m.place().kind()) * (m.span().field().equals("title") ? TITLE_FACTOR : 1.0);
            int order = (m.span().field().equals("title") ? 0 : 100_000) + m.span().start();
            for (String c : m.place().countries()) {
                score.merge(c, w, Double::sum);
                first.merge(c, order, Math::min);
            }
        }
        double top = score.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        List<String> out = new ArrayList<>();
        score.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_SCORE && e.getValue() >= top * MIN_SHARE_OF_TOP)
                .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue())
                        .thenComparingInt(e -> first.get(e.getKey())))
                .limit(MAX_COUNTRIES)
                .forEach(e -> out.add(e.getKey()));
        return out;
    }

    private static double weight(String kind) {
        return switch (kind) {
            case "place" -> 1.25;
            case "border" -> 1.0;
            default -> 1.0;
        };
    }
}
