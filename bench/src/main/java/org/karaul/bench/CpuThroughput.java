package org.karaul.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import org.karaul.processor.classify.Classifiers;
import org.karaul.processor.classify.Document;
import org.karaul.processor.classify.TaxonomyClassifier;
import org.karaul.processor.taxonomy.Taxonomy;
import org.karaul.processor.taxonomy.TaxonomyLoader;

/**
 * Companion to {@link ClassifierBenchmark} for a shared, busy machine: the same cases measured
 * in items per CPU-second of the measuring thread (ThreadMXBean), which other processes' load does
 * not depress the way it depresses JMH's wall-clock throughput.
 * Run: {@code java -cp bench/target/benchmarks.jar org.karaul.bench.CpuThroughput [seconds]}.
 */
public final class CpuThroughput {

    private CpuThroughput() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        Taxonomy synthetic = SyntheticTaxonomy.make(10_000, 7);
        System.out.printf(Locale.ROOT, "%-10s %-11s %-16s %14s%n", "articles", "engine", "taxonomy", "items/cpu-s");
        for (String set : List.of("generated", "real")) {
            List<Document> articles = set.equals("real") ? RealArticles.load(64) : Articles.make(64, 42);
            for (TaxonomyClassifier.Engine engine : TaxonomyClassifier.Engine.values()) {
                String name = engine.name().toLowerCase(Locale.ROOT);
                try (TaxonomyClassifier full = Classifiers.load(null, engine);
                     TaxonomyClassifier big = new TaxonomyClassifier(synthetic, engine)) {
                    report(set, name, "full", measure(d -> full.classify(d).categories().size(), articles, seconds));
                    report(set, name, "synthetic-10000", measure(d -> big.classify(d).categories().size(), articles, seconds));
                }
            }
            NaiveRegexScanner naiveFull = new NaiveRegexScanner(TaxonomyLoader.bundled());
            NaiveRegexScanner naiveBig = new NaiveRegexScanner(synthetic);
            report(set, "naiveRegex", "full", measure(naiveFull::scan, articles, seconds));
            report(set, "naiveRegex", "synthetic-10000", measure(naiveBig::scan, articles, Math.max(seconds, 20)));
        }
    }

    private static void report(String articles, String engine, String taxonomy, double rate) {
        System.out.printf(Locale.ROOT, "%-10s %-11s %-16s %14.1f%n", articles, engine, taxonomy, rate);
    }

    /** Warms up for half the time but at least five seconds (the JIT is slow on a busy machine), then counts items per CPU-second of this thread. */
    static double measure(ToIntFunction<Document> work, List<Document> articles, double seconds) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        long warmEnd = System.nanoTime() + (long) (Math.max(5, seconds / 2) * 1e9);
        int i = 0;
        while (System.nanoTime() < warmEnd) {
            sink += work.applyAsInt(articles.get(i++ % articles.size()));
        }
        long cpu0 = mx.getCurrentThreadCpuTime();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int n = 0;
        while (System.nanoTime() < end) {
            sink += work.applyAsInt(articles.get(i++ % articles.size()));
            n++;
        }
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        if (sink == Long.MIN_VALUE) {
            System.out.println(sink);
        }
        return n / cpu;
    }
}
