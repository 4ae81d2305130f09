package org.karaul.processor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.karaul.processor.classify.Document;

/**
 * Real news text from {@code shared/data} as classifier documents, language left for detection:
 * Russian Wikinews (NEREL), Russian Telegram channel posts, Kyrgyz 24.kg articles, Wikipedia
 * current-events items and the article bodies of the Zyte extraction benchmark (English and
 * Russian outlets among others). The items listed in {@code shared/eval/reserved-ids.txt} are kept
 * aside for evaluation by people outside the team: every loader here leaves them out.
 */
public final class NewsCorpora {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NewsCorpora() {
    }

    /** Every document of the corpora found, reserved items left out; empty when {@code shared/data} is absent. */
    public static List<Document> all() {
        List<Document> out = new ArrayList<>();
        find("data/nerel-ru-news").ifPresent(dir -> out.addAll(nerel(dir)));
        find("data/telegram-ru-news-posts/raw").ifPresent(dir -> out.addAll(telegram(dir)));
        find("data/kyrgyz-24kg-topics").ifPresent(dir -> out.addAll(kyrgyz(dir)));
        find("data/wcep-central-asia/wcep_items.jsonl").ifPresent(file -> out.addAll(wcep(file)));
        find("data/zyte-article-benchmark/ground-truth.json").ifPresent(file -> out.addAll(zyte(file)));
        Set<String> reserved = reserved();
        out.removeIf(d -> reserved.contains(d.id()));
        return out;
    }

    /** The ids kept aside for evaluation ({@code shared/eval/reserved-ids.txt}); empty when it is absent. */
    public static Set<String> reserved() {
        Optional<Path> file = find("eval/reserved-ids.txt");
        if (file.isEmpty()) {
            return Set.of();
        }
        try (Stream<String> lines = Files.lines(file.get(), StandardCharsets.UTF_8)) {
            return lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.get(), e);
        }
    }

    /** 24.kg articles in Kyrgyz (train and test CSVs: id, text, ...): the first line is the headline. */
    static List<Document> kyrgyz(Path dir) {
        List<Document> out = new ArrayList<>();
        CsvMapper csv = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        for (String name : List.of("qad-train_1000.csv", "qad-test_0500.csv")) {
            Path f = dir.resolve(name);
            if (!Files.exists(f)) {
                continue;
            }
            try (MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class).with(schema).readValues(f.toFile())) {
                while (rows.hasNext()) {
                    Map<String, String> row = rows.next();
                    String s = row.getOrDefault("text", "").strip();
                    int nl = s.indexOf('\n');
                    out.add(new Document("ky/" + row.get("id"), nl < 0 ? s : s.substring(0, nl).strip(),
                            nl < 0 ? "" : s.substring(nl + 1).strip(), null));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        }
        return out;
    }

    private static Optional<Path> find(String relative) {
        return SharedFolder.find(relative);
    }

    /** NEREL texts: the first line is the headline. */
    static List<Document> nerel(Path dir) {
        List<Document> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String s = Files.readString(f, StandardCharsets.UTF_8);
                int nl = s.indexOf('\n');
                out.add(new Document("nerel/" + f.getFileName(), nl < 0 ? s : s.substring(0, nl), nl < 0 ? "" : s.substring(nl + 1), null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<Document> telegram(Path dir) {
        List<Document> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode post : JSON.readTree(f.toFile())) {
                    String text = post.path("text").asText("");
                    if (!text.isBlank()) {
                        out.add(new Document("tg/" + post.path("message_id").asText(), "", text, null));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<Document> wcep(Path file) {
        List<Document> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode item = JSON.readTree(line);
                out.add(new Document("wcep/" + out.size(), item.path("headline").asText(""), item.path("summary").asText(""), null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<Document> zyte(Path file) {
        List<Document> out = new ArrayList<>();
        try {
            JsonNode all = JSON.readTree(file.toFile());
            all.fields().forEachRemaining(e -> out.add(new Document("zyte/" + e.getKey(), "", e.getValue().path("articleBody").asText(""), null)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
