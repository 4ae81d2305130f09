package org.karaul.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.karaul.processor.classify.Classification;
import org.karaul.processor.classify.Classifiers;
import org.karaul.processor.classify.Document;
import org.karaul.processor.classify.MonitorClassifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Items per second on one thread (one core) for ~2 KB articles: the Lucene Monitor classifier and
 * the naive one-regex-per-rule scan, each with the full bundled taxonomy and with a synthetic
 * taxonomy of 10,000 rules.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Threads(1)
@State(Scope.Benchmark)
public class ClassifierBenchmark {

    @Param({"full", "synthetic-10000"})
    public String taxonomy;

    private MonitorClassifier classifier;
    private NaiveRegexScanner naive;
    private List<Document> articles;

    @Setup(Level.Trial)
    public void setUp() {
        classifier = taxonomy.equals("full")
                ? Classifiers.load(null)
                : new MonitorClassifier(SyntheticTaxonomy.make(10_000, 7));
        naive = new NaiveRegexScanner(taxonomy.equals("full")
                ? org.karaul.processor.taxonomy.TaxonomyLoader.bundled()
                : SyntheticTaxonomy.make(10_000, 7));
        articles = Articles.make(64, 42);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        classifier.close();
    }

    /** Cycles through the articles, one per call. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        Document take(List<Document> articles) {
            Document d = articles.get(next);
            next = (next + 1) % articles.size();
            return d;
        }
    }

    @Benchmark
    public Classification monitor(Cursor cursor) {
        return classifier.classify(cursor.take(articles));
    }

    @Benchmark
    public int naiveRegex(Cursor cursor) {
        return naive.scan(cursor.take(articles));
    }
}
