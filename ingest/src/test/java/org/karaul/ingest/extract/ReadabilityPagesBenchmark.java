package org.karaul.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Scores the extractor on Mozilla Readability's test pages: the text of {@code expected.html} is the truth,
 * scored with the Zyte shingle metric; titles are compared with {@code expected-metadata.json}. Also runnable:
 * {@code java -cp <test classpath> org.karaul.ingest.extract.ReadabilityPagesBenchmark ../shared/data/readability-test-pages}.
 */
final class ReadabilityPagesBenchmark {
    final ShingleScore score = new ShingleScore();
    final java.util.List<String> worst = new java.util.ArrayList<>();
    int titles;
    int titlesAgreeing;
    int titlesOverlapping;

    static ReadabilityPagesBenchmark run(Path dir) throws IOException {
        ReadabilityPagesBenchmark b = new ReadabilityPagesBenchmark();
        ArticleExtractor extractor = new ArticleExtractor();
        List<Path> cases;
        try (Stream<Path> s = Files.list(dir)) {
            cases = s.filter(p -> Files.exists(p.resolve("source.html.gz"))).sorted().toList();
        }
        for (Path c : cases) {
            byte[] source = ZyteBenchmark.gunzip(Files.readAllBytes(c.resolve("source.html.gz")));
            String expected = Jsoup.parse(new String(ZyteBenchmark.gunzip(
                    Files.readAllBytes(c.resolve("expected.html.gz"))), java.nio.charset.StandardCharsets.UTF_8)).text();
            Article a = extractor.extract(source, null, "http://fakehost/test/page.html", SiteSelectors.NONE);
            double[] d = b.score.add(expected, a.text());
            b.worst.add(String.format("%.2f %.2f %s", ShingleScore.precision(d), ShingleScore.recall(d),
                    c.getFileName()));
            Path meta = c.resolve("expected-metadata.json");
            if (Files.exists(meta)) {
                JsonNode m = new ObjectMapper().readTree(meta.toFile());
                String title = m.path("title").asText("");
                if (!title.isEmpty()) {
                    b.titles++;
                    b.titlesAgreeing += norm(title).equals(norm(a.title())) ? 1 : 0;
                    boolean overlap = !a.title().isBlank()
                            && (norm(title).contains(norm(a.title())) || norm(a.title()).contains(norm(title)));
                    b.titlesOverlapping += overlap ? 1 : 0;
                }
            }
        }
        return b;
    }

    private static String norm(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    String summary() {
        return score.summary() + String.format(" titles equal=%d/%d, one containing the other=%d/%d",
                titlesAgreeing, titles, titlesOverlapping, titles);
    }

    public static void main(String[] args) throws IOException {
        ReadabilityPagesBenchmark b = run(Path.of(args.length > 0 ? args[0] : "../shared/data/readability-test-pages"));
        System.out.println(b.summary());
        if (args.length > 1) {
            b.worst.sort(java.util.Comparator.comparing(w -> w.substring(5)));
            b.worst.stream().limit(Integer.parseInt(args[1])).forEach(System.out::println);
        }
    }
}
