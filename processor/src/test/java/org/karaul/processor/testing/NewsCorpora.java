package org.karaul.processor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.karaul.processor.classify.Document;

/**
 * Real news text from {@code shared/data} as classifier documents, language left for detection:
 * Russian Wikinews (NEREL), Russian Telegram channel posts, Wikipedia current-events items and the
 * article bodies of the Zyte extraction benchmark (English and Russian outlets among others).
 */
public final class NewsCorpora {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NewsCorpora() {
    }

    /** Every document of the corpora found; empty when {@code shared/data} is absent. */
    public static List<Document> all() {
        List<Document> out = new ArrayList<>();
        find("data/nerel-ru-news").ifPresent(dir -> out.addAll(nerel(dir)));
        find("data/telegram-ru-news-posts/raw").ifPresent(dir -> out.addAll(telegram(dir)));
        find("data/wcep-central-asia/wcep_items.jsonl").ifPresent(file -> out.addAll(wcep(file)));
        find("data/zyte-article-benchmark/ground-truth.json").ifPresent(file -> out.addAll(zyte(file)));
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
