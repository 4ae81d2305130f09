package org.karaul.loadtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.karaul.contract.ItemIds;
import org.karaul.contract.RawItem;
import org.karaul.contract.kafka.Json;

/**
 * An endless, deterministic stream of realistic raw items built from stories: mostly irrelevant, as a desk's feed
 * is. A relevant story is carried by one to five outlets (syndicated copies with small edits, written one after the
 * other); every item's text is its story followed by paragraphs of unrelated news until
 * it reaches about {@value #TARGET_CHARS} characters ({@link Filler}: everyday news, Russian for every language but
 * English), as an article page carries more than its lead. Each item gets
 * a URL of its own (and so an id of its own), so no two items are the same.
 *
 * <p>The stories come from a JSONL file: a labelled set's lines ({@code id}, {@code title}, {@code text},
 * {@code lang}, {@code gold.relevant}), such as the project's written corpus, or raw items as
 * {@code karaul.items.raw} holds them (those have no label, so each counts as irrelevant filler and relevant ones
 * are not singled out). Ids listed as reserved are never read into the pool.
 */
final class ItemMix {
    static final int TARGET_CHARS = 2000;
    /** How many outlets carry a relevant story: 1 (40 %), 2 (25 %), 3 (20 %), 4 (10 %), 5 (5 %); 2.15 on average. */
    private static final int[] COPIES = {1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5};
    private static final double MEAN_COPIES = 2.15;
    private static final String[] OUTLETS = {"24kg", "kabar", "asia-plus", "akipress", "steppe-wire", "kaktus",
            "uza", "khovar", "inform-kz", "tolo-news"};

    /** One story of the pool. */
    record Story(String title, String text, String lang, boolean relevant) {
    }

    private final List<Story> relevant;
    private final List<Story> filler;
    private final double relevantShare;
    private final String run;
    private final Random random;
    private final List<RawItem> pending = new ArrayList<>();
    private int nextRelevant;
    private long n;

    /**
     * @param stories       the pool; at least one irrelevant story
     * @param relevantShare the share of items that carry a relevant story (copies included), 0 to 1
     * @param run           a tag in every URL, so that two runs on one broker never share an item id
     * @param seed          the random seed: the same seed gives the same items
     */
    ItemMix(List<Story> stories, double relevantShare, String run, long seed) {
        this.relevant = stories.stream().filter(Story::relevant).toList();
        this.filler = stories.stream().filter(s -> !s.relevant()).toList();
        if (filler.isEmpty()) {
            throw new IllegalArgumentException("the item pool has no irrelevant story to build the feed from");
        }
        if (relevantShare < 0 || relevantShare > 1) {
            throw new IllegalArgumentException("relevant share must be between 0 and 1: " + relevantShare);
        }
        this.relevantShare = relevant.isEmpty() ? 0 : relevantShare;
        this.run = run;
        this.random = new Random(seed);
    }

    /** The next item; published a few minutes before now, fetched 30 s after. */
    RawItem next() {
        if (pending.isEmpty()) {
            if (random.nextDouble() < relevantShare / MEAN_COPIES) {
                Story story = relevant.get(nextRelevant++ % relevant.size());
                int copies = COPIES[random.nextInt(COPIES.length)];
                for (int c = 0; c < copies; c++) {
                    pending.add(item(story, c));
                }
            } else {
                pending.add(item(filler.get(random.nextInt(filler.size())), 0));
            }
        }
        return pending.remove(0);
    }

    private RawItem item(Story story, int copy) {
        String outlet = OUTLETS[(int) ((n + copy) % OUTLETS.length)];
        String url = "https://" + outlet + ".example/loadtest/" + run + "/" + (n++);
        StringBuilder text = new StringBuilder(TARGET_CHARS + 600).append(story.text());
        if (copy > 0) {
            text.append(" (").append(outlet).append(')');
        }
        Filler.pad(text, story.lang(), TARGET_CHARS, random);
        Instant published = Instant.now().minus(Duration.ofSeconds(30 + random.nextInt(600)));
        return new RawItem(ItemIds.forUrl(url), url, story.title(), text.toString(), published, outlet, "rss", "B",
                story.lang(), published.plusSeconds(30), 1);
    }

    /**
     * The pool cut in two for the two phases of a run: every irrelevant story in both, the relevant ones alternately in
     * one or the other. The steady feed's relevant stories are then new to the pipeline (the backlog cycles through its
     * half many times), so they open developments and raise alerts instead of only joining the backlog's developments.
     */
    static List<List<Story>> halves(List<Story> stories) {
        List<Story> one = new ArrayList<>();
        List<Story> two = new ArrayList<>();
        int relevantSeen = 0;
        for (Story s : stories) {
            if (!s.relevant()) {
                one.add(s);
                two.add(s);
            } else if (relevantSeen++ % 2 == 0 || stories.stream().filter(Story::relevant).count() == 1) {
                one.add(s);
            } else {
                two.add(s);
            }
        }
        if (two.stream().noneMatch(Story::relevant)) {
            two.addAll(one.stream().filter(Story::relevant).toList());
        }
        return List.of(one, two);
    }

    /**
     * The stories of a JSONL file, without the reserved ids.
     *
     * @throws IOException naming the file and line of anything that is neither a labelled item nor a raw item
     */
    static List<Story> read(Path file, Set<String> reserved) throws IOException {
        List<Story> out = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    Story s = story(line, file, number, reserved);
                    if (s != null) {
                        out.add(s);
                    }
                }
            }
        }
        if (out.isEmpty()) {
            throw new IOException(file + ": no items (or only reserved ones)");
        }
        return out;
    }

    private static Story story(String line, Path file, int number, Set<String> reserved) throws IOException {
        JsonNode node;
        try {
            node = Json.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw new IOException(file + " line " + number + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!node.isObject() || !node.hasNonNull("id")) {
            throw new IOException(file + " line " + number + ": not an item object with an id");
        }
        if (reserved.contains(node.get("id").asText())) {
            return null;
        }
        String text = node.path("text").asText("");
        if (text.isBlank() && node.path("title").asText("").isBlank()) {
            throw new IOException(file + " line " + number + ": item " + node.get("id").asText() + " has neither title nor text");
        }
        return new Story(node.path("title").asText(""), text, node.path("lang").asText("en"),
                node.path("gold").path("relevant").asBoolean(false));
    }
}
