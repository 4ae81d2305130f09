package org.karaul.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Scores the extractor on Fundus's publisher fixtures (held out: not used for tuning). The truth is the body:
 * summary, section headlines and paragraphs; only publishers with exactly one page and one ground-truth version are used, since
 * the mapping between several of each is not recorded. Zyte's shingle metric.
 */
final class FundusBenchmark {
    final ShingleScore score = new ShingleScore();

    static FundusBenchmark run(Path dir) throws IOException {
        FundusBenchmark b = new FundusBenchmark();
        ArticleExtractor extractor = new ArticleExtractor();
        ObjectMapper json = new ObjectMapper();
        List<Path> truths;
        try (Stream<Path> s = Files.walk(dir, 2)) {
            truths = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path truthFile : truths) {
            String publisher = truthFile.getFileName().toString().replace(".json", "");
            List<Path> pages;
            try (Stream<Path> s = Files.list(truthFile.getParent())) {
                pages = s.filter(p -> p.getFileName().toString().startsWith(publisher + "_")
                        && p.toString().endsWith(".html.gz")).toList();
            }
            JsonNode versions = json.readTree(truthFile.toFile());
            if (pages.size() != 1 || versions.size() != 1) {
                continue;
            }
            JsonNode body = versions.elements().next().path("body");
            List<String> parts = new ArrayList<>();
            body.path("summary").forEach(p -> parts.add(p.asText()));
            body.path("sections").forEach(sec -> {
                sec.path("headline").forEach(h -> parts.add(h.asText()));
                sec.path("paragraphs").forEach(p -> parts.add(p.asText()));
            });
            Article a = extractor.extract(ZyteBenchmark.gunzip(Files.readAllBytes(pages.get(0))), null, null,
                    SiteSelectors.NONE);
            b.score.add(String.join("\n", parts), a.text());
        }
        return b;
    }

    public static void main(String[] args) throws IOException {
        System.out.println(run(Path.of(args.length > 0 ? args[0] : "../shared/data/fundus-parser-tests")).score.summary());
    }
}
