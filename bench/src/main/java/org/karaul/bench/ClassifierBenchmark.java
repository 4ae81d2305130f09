package org.karaul.bench;

import org.karaul.processor.classify.Classification;
import org.karaul.processor.classify.TaxonomyClassifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The whole classifier (matching, scoring, countries, groups, evidence) with each engine: the
 * compiled rule index it runs on, and Lucene Monitor, its reference. {@link NaiveRegexBenchmark}
 * runs the naive baseline on the same items in the same run.
 */
public class ClassifierBenchmark extends Workload {

    @Param({"INDEX", "MONITOR"})
    public TaxonomyClassifier.Engine engine;

    private TaxonomyClassifier classifier;

    @Setup(Level.Trial)
    public void build() {
        classifier = new TaxonomyClassifier(rules(), engine);
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
