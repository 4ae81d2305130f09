package org.karaul.loadtest;

import java.util.Arrays;

/**
 * The part of a drain that a saturation rate counts: the records done after the first {@code skip} (the warm-up,
 * which both the processor and the pass-through application work through first, so that neither is measured while
 * its JIT is still compiling), from the time the last of those was done to the time the last record was done. With
 * nothing to skip it runs from the first record's time to the last's.
 *
 * @param items   records done inside the window
 * @param startMs when the window opens (broker append time)
 * @param endMs   when the last record was done (broker append time)
 */
record Window(int items, long startMs, long endMs) {
    static final Window EMPTY = new Window(0, 0, 0);

    /** The window over {@code times} (append times, any order) after the {@code skip} earliest. */
    static Window after(long[] times, int skip) {
        if (skip < 0) {
            throw new IllegalArgumentException("cannot skip " + skip + " records");
        }
        if (times.length <= skip) {
            return EMPTY;
        }
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        long start = skip == 0 ? sorted[0] : sorted[skip - 1];
        return new Window(sorted.length - skip, start, sorted[sorted.length - 1]);
    }

    long ms() {
        return endMs - startMs;
    }
}
