package org.karaul.ingest.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Zyte article-extraction-benchmark metric: {@code \w+} tokens (Unicode), 4-token shingles with counts,
 * TP/FP/FN per document normalised to sum 1; precision and recall are means over documents, F1 from the means.
 */
final class ShingleScore {
    private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private final List<double[]> docs = new ArrayList<>();

    /** Adds one document's normalised {tp, fp, fn}. */
    double[] add(String truth, String predicted) {
        Map<List<String>, Integer> t = shingles(truth);
        Map<List<String>, Integer> p = shingles(predicted);
        Set<List<String>> keys = new HashSet<>(t.keySet());
        keys.addAll(p.keySet());
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (List<String> k : keys) {
            int tc = t.getOrDefault(k, 0);
            int pc = p.getOrDefault(k, 0);
            tp += Math.min(tc, pc);
            fp += Math.max(0, pc - tc);
            fn += Math.max(0, tc - pc);
        }
        double sum = tp + fp + fn;
        double[] r = sum > 0 ? new double[] {tp / sum, fp / sum, fn / sum} : new double[] {0, 0, 0};
        docs.add(r);
        return r;
    }

    private static Map<List<String>, Integer> shingles(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        Map<List<String>, Integer> out = new HashMap<>();
        for (int i = 0; i < Math.max(1, tokens.size() - 3); i++) {
            List<String> sh = tokens.subList(i, Math.min(tokens.size(), i + 4));
            if (!sh.isEmpty()) {
                out.merge(List.copyOf(sh), 1, Integer::sum);
            }
        }
        return out;
    }

    static double precision(double[] d) {
        if (d[1] == 0 && d[2] == 0) {
            return 1;
        }
        return d[0] == 0 && d[1] == 0 ? 0 : d[0] / (d[0] + d[1]);
    }

    static double recall(double[] d) {
        if (d[1] == 0 && d[2] == 0) {
            return 1;
        }
        return d[0] == 0 && d[2] == 0 ? 0 : d[0] / (d[0] + d[2]);
    }

    double precision() {
        return docs.stream().filter(d -> d[0] + d[1] > 0).mapToDouble(ShingleScore::precision).average().orElse(0);
    }

    double recall() {
        return docs.stream().filter(d -> d[0] + d[2] > 0).mapToDouble(ShingleScore::recall).average().orElse(0);
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** 1.96 standard deviations of F1 over {@code rounds} bootstrap resamples of the documents (the benchmark's ±). */
    double f1Interval(int rounds, long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[] f1s = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ShingleScore sample = new ShingleScore();
            for (int i = 0; i < docs.size(); i++) {
                sample.docs.add(docs.get(random.nextInt(docs.size())));
            }
            f1s[r] = sample.f1();
        }
        double mean = java.util.Arrays.stream(f1s).average().orElse(0);
        double var = java.util.Arrays.stream(f1s).map(f -> (f - mean) * (f - mean)).sum() / (rounds - 1);
        return 1.96 * Math.sqrt(var);
    }

    int size() {
        return docs.size();
    }

    String summary() {
        return String.format("documents=%d F1=%.3f ± %.3f precision=%.3f recall=%.3f", size(), f1(),
                f1Interval(1000, 42), precision(), recall());
    }
}
