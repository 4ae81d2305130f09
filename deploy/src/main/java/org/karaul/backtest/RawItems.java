package org.karaul.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.karaul.contract.RawItem;
import org.karaul.contract.SourceOffset;
import org.karaul.contract.kafka.Json;
import org.karaul.contract.kafka.Topics;
import org.karaul.topics.TopicSnapshot;

/**
 * The raw items a backtest replays: read from {@code karaul.items.raw} once, without a consumer group (nothing is
 * committed, nothing produced), or from a JSONL file; kept when their time falls in the window; sorted by time.
 * A line may be a {@link RawItem} as the topic holds it, or a labelled set's item ({@code id}, {@code title},
 * {@code text}, {@code lang}, {@code published}, {@code source}); ids listed in {@code ../shared/eval/reserved-ids.txt}
 * are left out.
 */
final class RawItems {
    /** What was read: the items in the window, sorted by time, and what was left out. */
    record Read(List<Replay.Positioned> items, long outsideWindow, long unreadable, long reserved) {
    }

    /**
     * The window of item time kept, both ends inclusive; null ends are open.
     *
     * @param from earliest item time kept, or null
     * @param to   latest item time kept, or null
     */
    record Window(Instant from, Instant to) {
        boolean contains(Instant t) {
            return (from == null || !t.isBefore(from)) && (to == null || !t.isAfter(to));
        }
    }

    private RawItems() {
    }

    /** When the item says it happened: published time, else fetch time (as grouping reads it). */
    static Instant timeOf(RawItem item) {
        return item.published() != null ? item.published() : item.fetchedAt();
    }

    static Read fromFile(Path file, Window window, Set<String> reserved) throws IOException {
        List<Replay.Positioned> out = new ArrayList<>();
        long outside = 0;
        long skipped = 0;
        int n = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                RawItem item = parse(line, file, n);
                if (reserved.contains(item.id())) {
                    skipped++;
                } else if (!window.contains(timeOf(item))) {
                    outside++;
                } else {
                    out.add(new Replay.Positioned(item, null));
                }
            }
        }
        return new Read(sorted(out), outside, 0, skipped);
    }

    static Read fromTopic(Properties kafka, Window window, Set<String> reserved, Duration timeout) {
        List<Replay.Positioned> out = new ArrayList<>();
        long[] left = new long[3];
        TopicSnapshot.read(kafka, Topics.ITEMS_RAW.name(), "karaul-backtest", timeout, r -> {
            if (r.value() == null) {
                left[1]++;
                return;
            }
            RawItem item;
            try {
                item = Topics.ITEMS_RAW.valueSerde().deserializer().deserialize(r.topic(), r.value());
            } catch (RuntimeException e) {
                left[1]++; // the processor dead-letters it; the backtest only counts it
                return;
            }
            if (reserved.contains(item.id())) {
                left[2]++;
            } else if (!window.contains(timeOf(item))) {
                left[0]++;
            } else {
                out.add(new Replay.Positioned(item, new SourceOffset(r.topic(), r.partition(), r.offset())));
            }
        });
        return new Read(sorted(out), left[0], left[1], left[2]);
    }

    /** The ids kept aside for evaluation by people outside the team, or none when the file is absent. */
    static Set<String> reserved(Path file) throws IOException {
        if (file == null || !Files.exists(file)) {
            return Set.of();
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
        }
    }

    private static List<Replay.Positioned> sorted(List<Replay.Positioned> items) {
        List<Replay.Positioned> out = new ArrayList<>(items);
        out.sort(Comparator.comparing((Replay.Positioned p) -> timeOf(p.item())));
        return out;
    }

    /** One line as a raw item; an {@link IOException} naming the file and line when it is none. */
    static RawItem parse(String line, Path file, int n) throws IOException {
        JsonNode node;
        try {
            node = Json.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw new IOException(file + " line " + n + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!node.isObject() || !node.hasNonNull("id")) {
            throw new IOException(file + " line " + n + ": not an item object with an id");
        }
        try {
            if (node.hasNonNull("url") && node.hasNonNull("sourceId") && node.hasNonNull("fetchedAt")) {
                return Json.mapper().treeToValue(node, RawItem.class);
            }
            String id = node.get("id").asText();
            Instant published = node.hasNonNull("published") ? Instant.parse(node.get("published").asText()) : null;
            if (published == null) {
                throw new IOException(file + " line " + n + ": item " + id + " has neither fetchedAt nor published");
            }
            return new RawItem(id, "urn:karaul:item:" + id, node.path("title").asText(""), node.path("text").asText(""),
                    published, node.path("source").asText("file"), "file", textOrNull(node, "sourceGrade"),
                    textOrNull(node, "lang"), published, 1);
        } catch (JsonProcessingException | DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            throw new IOException(file + " line " + n + ": not a raw item: " + e.getMessage(), e);
        }
    }

    private static String textOrNull(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
