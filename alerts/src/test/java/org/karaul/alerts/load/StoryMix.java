package org.karaul.alerts.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.karaul.contract.ItemIds;
import org.karaul.contract.RawItem;
import org.karaul.contract.kafka.Json;

/**
 * A realistic mix of raw items: each story of the labelled development set ({@code shared/eval/dev.jsonl}, relevant
 * and not) is carried by one to five outlets of its language, as syndicated copies with small edits, spread over
 * a simulated day in publication order.
 */
final class StoryMix {
    /** Outlets per language: id and Admiralty grade. */
    private static final String[][] EN = {{"steppe-wire", "B"}, {"kabar-en", "B"}, {"rferl-centralasia", "B"},
            {"eurasianet", "B"}, {"akipress-en", "C"}};
    private static final String[][] RU = {{"24kg", "B"}, {"kabar", "B"}, {"asia-plus", "B"}, {"vesti-fergany", "C"},
            {"tass", "B"}};
    /** How many outlets carry a story: 1 (40%), 2 (25%), 3 (20%), 4 (10%), 5 (5%). */
    private static final int[] COPIES = {1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5};

    private StoryMix() {
    }

    static List<RawItem> build(Path devSet, int stories, long seed, Instant start) throws IOException {
        List<JsonNode> set = new ArrayList<>();
        for (String line : Files.readAllLines(devSet)) {
            if (!line.isBlank()) {
                set.add(Json.mapper().readTree(line));
            }
        }
        Random random = new Random(seed);
        List<RawItem> items = new ArrayList<>();
        for (int i = 0; i < stories; i++) {
            JsonNode story = set.get(i % set.size());
            Instant published = start.plus(Duration.ofMinutes(6L * i));
            String[][] outlets = "ru".equals(story.path("lang").asText()) ? RU : EN;
            int copies = COPIES[random.nextInt(COPIES.length)];
            for (int c = 0; c < copies; c++) {
                String[] outlet = outlets[(i + c) % outlets.length];
                items.add(copy(story, i, c, outlet, published.plus(Duration.ofMinutes(random.nextInt(90))), random));
            }
        }
        items.sort(Comparator.comparing(RawItem::published));
        return items;
    }

    private static RawItem copy(JsonNode story, int index, int copy, String[] outlet, Instant published, Random random) {
        String title = story.path("title").asText();
        String text = story.path("text").asText();
        if (copy > 0 && random.nextBoolean()) {
            int cut = text.lastIndexOf(". ", text.length() - 2);
            text = cut > 40 ? text.substring(0, cut + 1) : text;
        }
        if (copy > 0) {
            text = text + " (" + outlet[0] + ")";
        }
        String url = "https://" + outlet[0] + ".example/" + index + "-" + copy;
        return new RawItem(ItemIds.forUrl(url), url, title, text, published, outlet[0], "rss", outlet[1],
                story.path("lang").asText(null), published.plusSeconds(30), 1);
    }
}
