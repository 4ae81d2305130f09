package org.karaul.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.karaul.contract.ItemIds;
import org.karaul.contract.RawItem;
import org.karaul.contract.kafka.Json;

/**
 * Realistic raw items from the labelled development set ({@code shared/eval/dev.jsonl}, relevant and not, English
 * and Russian): each story carried by one to five outlets as syndicated copies with small edits. The set is played
 * in eras 32 hours apart in event time, so that a later era's copy of a story opens a new development (the grouping
 * window is 24 h) and alerts keep coming for as long as items do; within an era no development goes quiet (6 h), so
 * the output depends only on the order of the input, which a one-partition input makes the same in every run.
 */
final class Stories {
    private static final String[][] EN = {{"steppe-wire", "B"}, {"kabar-en", "B"}, {"rferl-centralasia", "B"},
            {"eurasianet", "B"}, {"akipress-en", "C"}};
    private static final String[][] RU = {{"24kg", "B"}, {"kabar", "B"}, {"asia-plus", "B"}, {"vesti-fergany", "C"},
            {"tass", "B"}};
    private static final int[] COPIES = {1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5};
    private static final Duration ERA = Duration.ofHours(32);

    private Stories() {
    }

    /** At least {@code count} items (whole eras), in publication order, the same for the same seed. */
    static List<RawItem> build(Path sharedDir, int count, long seed) throws IOException {
        Set<String> reserved = new HashSet<>();
        Path reservedIds = sharedDir.resolve("eval/reserved-ids.txt");
        if (Files.exists(reservedIds)) {
            Files.readAllLines(reservedIds).stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(reserved::add);
        }
        List<JsonNode> set = new ArrayList<>();
        for (String line : Files.readAllLines(sharedDir.resolve("eval/dev.jsonl"))) {
            if (!line.isBlank()) {
                JsonNode story = Json.mapper().readTree(line);
                if (!reserved.contains(story.path("id").asText())) {
                    set.add(story);
                }
            }
        }
        Random random = new Random(seed);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<RawItem> items = new ArrayList<>();
        for (int era = 0; items.size() < count; era++) {
            List<RawItem> eraItems = new ArrayList<>();
            Instant base = start.plus(ERA.multipliedBy(era));
            for (int i = 0; i < set.size(); i++) {
                JsonNode story = set.get(i);
                Instant published = base.plus(Duration.ofMinutes(i));
                String[][] outlets = "ru".equals(story.path("lang").asText()) ? RU : EN;
                int copies = COPIES[random.nextInt(COPIES.length)];
                for (int c = 0; c < copies; c++) {
                    String[] outlet = outlets[(i + c) % outlets.length];
                    eraItems.add(copy(story, era, i, c, outlet, published.plus(Duration.ofMinutes(random.nextInt(30))), random));
                }
            }
            eraItems.sort(Comparator.comparing(RawItem::published).thenComparing(RawItem::url));
            items.addAll(eraItems);
        }
        return items;
    }

    private static RawItem copy(JsonNode story, int era, int index, int copy, String[] outlet, Instant published, Random random) {
        String title = story.path("title").asText();
        String text = story.path("text").asText();
        if (copy > 0 && random.nextBoolean()) {
            int cut = text.lastIndexOf(". ", text.length() - 2);
            text = cut > 40 ? text.substring(0, cut + 1) : text;
        }
        if (copy > 0) {
            text = text + " (" + outlet[0] + ")";
        }
        String url = "https://" + outlet[0] + ".example/e" + era + "/" + index + "-" + copy;
        return new RawItem(ItemIds.forUrl(url), url, title, text, published, outlet[0], "rss", outlet[1],
                story.path("lang").asText(null), published.plusSeconds(30), 1);
    }
}
