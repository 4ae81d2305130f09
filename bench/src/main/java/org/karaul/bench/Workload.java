package org.karaul.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.karaul.processor.classify.Document;
import org.karaul.processor.taxonomy.Taxonomy;
import org.karaul.processor.taxonomy.TaxonomyLoader;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What every classifier benchmark measures, and how: ~2 KB items (generated or real) against the
 * full taxonomy or 10,000 synthetic rules, items per second on one thread (one core), one fork,
 * 3×5 s warm-up (the JIT is slow on a busy machine), 3×5 s measurement.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 3, time = 5)
@Threads(1)
@State(Scope.Benchmark)
public abstract class Workload {

    @Param({"full", "synthetic-10000"})
    public String taxonomy;

    /** {@code generated}: dense made-up security news ({@link Articles}); {@code real}: real news ({@link RealArticles}). */
    @Param({"generated", "real"})
    public String articles;

    protected List<Document> texts;

    @Setup(Level.Trial)
    public void loadTexts() {
        texts = articles.equals("real") ? RealArticles.load(64) : Articles.make(64, 42);
    }

    protected Taxonomy rules() {
        return taxonomy.equals("full") ? TaxonomyLoader.bundled() : SyntheticTaxonomy.make(10_000, 7);
    }
}
