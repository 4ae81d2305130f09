package org.karaul.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Scores the extractor on the Zyte article-extraction benchmark. Also runnable:
 * {@code java -cp <test classpath> org.karaul.ingest.extract.ZyteBenchmark ../shared/data/zyte-article-benchmark}.
 */
final class ZyteBenchmark {
    final ShingleScore score = new ShingleScore();
    final List<String> worst = new ArrayList<>();

    static ZyteBenchmark run(Path dir) throws IOException {
        ZyteBenchmark b = new ZyteBenchmark();
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
        ArticleExtractor extractor = new ArticleExtractor();
        for (Map.Entry<String, JsonNode> e : truth.properties()) {
            byte[] html = gunzip(Files.readAllBytes(dir.resolve("html").resolve(e.getKey() + ".html.gz")));
            String url = e.getValue().path("url").asText(null);
            Article a = extractor.extract(html, null, url, SiteSelectors.NONE);
            double[] d = b.score.add(e.getValue().path("articleBody").asText(""), a.text());
            b.worst.add(String.format("%.2f %.2f %s %s", ShingleScore.precision(d), ShingleScore.recall(d),
                    e.getKey().substring(0, 12), url));
        }
        b.worst.sort(null);
        return b;
    }

    static byte[] gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    public static void main(String[] args) throws IOException {
        ZyteBenchmark b = run(Path.of(args.length > 0 ? args[0] : "../shared/data/zyte-article-benchmark"));
        System.out.println(b.score.summary());
        if (args.length > 1) {
            b.worst.stream().limit(Integer.parseInt(args[1])).forEach(System.out::println);
        }
    }
}
