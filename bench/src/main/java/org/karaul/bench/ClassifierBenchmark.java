package org.karaul.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.karaul.processor.classify.Classification;
import org.karaul.processor.classify.Classifiers;
import org.karaul.processor.classify.Document;
import org.karaul.processor.classify.TaxonomyClassifier;
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
 * Items per second on one thread (one core) for ~2 KB articles: the classifier with each engine
 * (the compiled rule index it runs on, and Lucene Monitor, its reference), with the full bundled
 * taxonomy and with a synthetic taxonomy of 10,000 rules. {@link NaiveRegexBenchmark} runs the
 * naive baseline on the same articles in the same run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 3, time = 5)
@Threads(1)
@State(Scope.Benchmark)
public class ClassifierBenchmark {

    @Param({"full", "synthetic-10000"})
    public String taxonomy;

    /** {@code generated}: dense made-up security news ({@link Articles}); {@code real}: real news ({@link RealArticles}). */
    @Param({"generated", "real"})
    public String articles;

    @Param({"INDEX", "MONITOR"})
    public TaxonomyClassifier.Engine engine;

    private TaxonomyClassifier classifier;
    private List<Document> texts;

    @Setup(Level.Trial)
    public void setUp() {
        classifier = taxonomy.equals("full")
                ? Classifiers.load(null, engine)
                : new TaxonomyClassifier(SyntheticTaxonomy.make(10_000, 7), engine);
        texts = articles.equals("real") ? RealArticles.load(64) : Articles.make(64, 42);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        classifier.close();
    }

    @Benchmark
    public Classification classifier(Cursor cursor) {
        return classifier.classify(cursor.take(texts));
    }
}
