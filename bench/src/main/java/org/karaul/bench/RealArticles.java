package org.karaul.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.karaul.processor.classify.Document;

/**
 * Real ~2 KB articles from {@code ../shared/data}: English bodies from the Zyte extraction
 * benchmark and Russian Wikinews texts from NEREL, each cut at the last sentence end before
 * {@value Articles#TARGET_CHARS} characters, alternating languages like {@link Articles}. Items
 * listed in {@code shared/eval/reserved-ids.txt} are left out.
 */
final class RealArticles {
    private static final int MIN_CHARS = 1500;

    private RealArticles() {
    }

    /** {@code count} articles, half English and half Russian; throws naming the missing folder. */
    static List<Document> load(int count) {
        Path data = Path.of("..", "shared", "data").toAbsolutePath().normalize();
        if (!Files.isDirectory(data)) {
            throw new IllegalStateException(data + " not found (see shared/data/SOURCES.md); run from the project root, "
                    + "or benchmark the generated articles only with -p articles=generated");
        }
        List<Document> english = english(data.resolve("zyte-article-benchmark/ground-truth.json"), count / 2);
        List<Document> russian = russian(data.resolve("nerel-ru-news"), count / 2, reserved(data.resolveSibling("eval/reserved-ids.txt")));
        List<Document> out = new ArrayList<>(count);
        for (int i = 0; i < Math.min(english.size(), russian.size()); i++) {
            out.add(english.get(i));
            out.add(russian.get(i));
        }
        return out;
    }

    private static List<Document> english(Path groundTruth, int count) {
        List<Document> out = new ArrayList<>();
        try {
            Iterator<Map.Entry<String, JsonNode>> items = new ObjectMapper().readTree(groundTruth.toFile()).fields();
            while (items.hasNext() && out.size() < count) {
                Map.Entry<String, JsonNode> item = items.next();
                String body = item.getValue().path("articleBody").asText("");
                if (body.length() >= MIN_CHARS && mostlyAscii(body)) {
                    out.add(new Document("zyte/" + item.getKey(), "", cut(body), "en"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + groundTruth, e);
        }
        return out;
    }

    /** Ids kept aside for evaluation by people outside the team; no benchmark reads them either. */
    private static Set<String> reserved(Path file) {
        if (!Files.exists(file)) {
            return Set.of();
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<Document> russian(Path dir, int count, Set<String> reserved) {
        List<Document> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String s = Files.readString(f, StandardCharsets.UTF_8);
                int nl = s.indexOf('\n');
                boolean kept = !reserved.contains("nerel/" + f.getFileName());
                if (kept && nl > 0 && s.length() - nl >= MIN_CHARS && out.size() < count) {
                    out.add(new Document("nerel/" + f.getFileName(), s.substring(0, nl), cut(s.substring(nl + 1)), "ru"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        return out;
    }

    private static String cut(String text) {
        if (text.length() <= Articles.TARGET_CHARS) {
            return text;
        }
        int end = text.lastIndexOf(". ", Articles.TARGET_CHARS);
        return text.substring(0, end > MIN_CHARS ? end + 1 : Articles.TARGET_CHARS);
    }

    private static boolean mostlyAscii(String s) {
        long ascii = s.chars().filter(c -> c < 128).count();
        return ascii > s.length() * 0.97;
    }
}
