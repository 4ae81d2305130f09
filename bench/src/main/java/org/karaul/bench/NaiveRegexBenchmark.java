package org.karaul.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/** The baseline for {@link ClassifierBenchmark}: every rule scanned as a {@code java.util.regex} over the same items. */
public class NaiveRegexBenchmark extends Workload {

    private NaiveRegexScanner naive;

    @Setup(Level.Trial)
    public void build() {
        naive = new NaiveRegexScanner(rules());
    }

    @Benchmark
    public int naiveRegex(Cursor cursor) {
        return naive.scan(cursor.take(texts));
    }
}
