package org.karaul.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Scores the extractor on trafilatura's evaluation set (990 pages, mostly German), the way trafilatura does:
 * whitespace-normalised output; each "with" segment found is a true positive (else a false negative), each
 * "without" segment found a false positive; counts summed over the corpus. A held-out check: the scoring rules
 * were not tuned on it. Runnable like {@link ZyteBenchmark}.
 */
final class TrafilaturaEvalBenchmark {
    int documents;
    int tp;
    int fn;
    int fp;
    int tn;

    static TrafilaturaEvalBenchmark run(Path dir) throws IOException {
        TrafilaturaEvalBenchmark b = new TrafilaturaEvalBenchmark();
        JsonNode data = new ObjectMapper().readTree(dir.resolve("evaldata.json").toFile());
        ArticleExtractor extractor = new ArticleExtractor();
        for (Map.Entry<String, JsonNode> e : data.properties()) {
            String file = e.getValue().path("file").asText() + ".gz";
            Path page = Files.exists(dir.resolve("eval").resolve(file)) ? dir.resolve("eval").resolve(file)
                    : dir.resolve("cache").resolve(file);
            if (!Files.exists(page)) {
                continue;
            }
            b.documents++;
            Article a = extractor.extract(ZyteBenchmark.gunzip(Files.readAllBytes(page)), null, e.getKey(),
                    SiteSelectors.NONE);
            String text = normal(a.text());
            for (JsonNode seg : e.getValue().path("with")) {
                if (text.contains(normal(seg.asText()))) {
                    b.tp++;
                } else {
                    b.fn++;
                }
            }
            for (JsonNode seg : e.getValue().path("without")) {
                if (text.contains(normal(seg.asText()))) {
                    b.fp++;
                } else {
                    b.tn++;
                }
            }
        }
        return b;
    }

    private static String normal(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    double precision() {
        return (double) tp / (tp + fp);
    }

    double recall() {
        return (double) tp / (tp + fn);
    }

    double f1() {
        return 2 * precision() * recall() / (precision() + recall());
    }

    String summary() {
        return String.format("documents=%d F1=%.3f precision=%.3f recall=%.3f (tp=%d fn=%d fp=%d tn=%d)",
                documents, f1(), precision(), recall(), tp, fn, fp, tn);
    }

    public static void main(String[] args) throws IOException {
        System.out.println(run(Path.of(args.length > 0 ? args[0] : "../shared/data/trafilatura-eval")).summary());
    }
}
