package org.karaul.loadtest;

import java.util.Arrays;

/**
 * Nearest-rank percentiles of a set of durations in milliseconds: the p-th percentile is the smallest value that at
 * least p % of the samples do not exceed ({@code sorted[ceil(p/100 · n) − 1]}), so every figure is a measured value.
 *
 * @param count how many samples
 * @param p50   median, ms
 * @param p90   90th percentile, ms
 * @param p99   99th percentile, ms
 * @param max   largest sample, ms
 */
record Distribution(int count, long p50, long p90, long p99, long max) {
    static final Distribution EMPTY = new Distribution(0, 0, 0, 0, 0);

    static Distribution of(long[] samples) {
        if (samples.length == 0) {
            return EMPTY;
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Distribution(sorted.length, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99), sorted[sorted.length - 1]);
    }

    /** The nearest-rank {@code percent}-th percentile of sorted values. */
    static long rank(long[] sorted, int percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + percent);
        }
        // integer arithmetic: 99 / 100.0 * 100 is not exactly 99 in floating point
        int index = (int) (((long) percent * sorted.length + 99) / 100) - 1;
        return sorted[Math.max(0, index)];
    }
}
