package org.karaul.processor.engine;

import java.util.Arrays;

/**
 * Pairs the two sides of a proximity rule as Lucene's unordered span query does, so
 * {@link RuleIndex} fires and highlights exactly where {@link RuleMonitor} does. Both sides are
 * walked in position order; the one that starts first advances; a pair matches when the words
 * between the two spans, {@code maxEnd - firstStart - (both lengths)}, are at most {@code within}
 * ({@code maxEnd} being the furthest end seen so far, as in Lucene). Each matching pair contributes
 * its words as hits. Title and text positions are {@value #FIELD_GAP} apart, so a pair never
 * straddles them.
 */
final class ProximityPairs {
    /** Positions between the title's last word and the text's first, as the analyser's position gap. */
    static final int FIELD_GAP = 1000;

    private ProximityPairs() {
    }

    /**
     * Whether a pair matches; adds the words of every matching pair to {@code table}.
     *
     * @param slot the rule, whose alternatives' hits are chained in the scratch's hit log
     */
    static boolean pair(DocumentWords s, int slot, int within, HitTable table) {
        long[] first = side(s, slot, 0);
        long[] second = side(s, slot, 1);
        if (first.length == 0 || second.length == 0) {
            return false;
        }
        boolean matched = false;
        int a = 0;
        int b = 0;
        int total = length(first[a]) + length(second[b]);
        int maxEnd = Math.max(end(first[a]), end(second[b]));
        boolean topIsFirst = compare(first[a], second[b]) <= 0;
        while (true) {
            int topStart = start(topIsFirst ? first[a] : second[b]);
            if (maxEnd - topStart - total <= within) {
                matched = true;
                addWords(s, first[a], table);
                addWords(s, second[b], table);
            }
            long[] side = topIsFirst ? first : second;
            int i = topIsFirst ? a : b;
            if (i + 1 == side.length) {
                return matched;
            }
            total += length(side[i + 1]) - length(side[i]);
            maxEnd = Math.max(maxEnd, end(side[i + 1]));
            if (topIsFirst) {
                a++;
            } else {
                b++;
            }
            int cmp = compare(first[a], second[b]);
            // the advanced side stays first on a tie, as in Lucene's priority queue
            topIsFirst = topIsFirst ? cmp <= 0 : cmp < 0;
        }
    }

    /** One side's spans as sorted (start, end) pairs in gap-separated positions, packed with the first word index. */
    private static long[] side(DocumentWords s, int slot, int side) {
        long[] out = new long[s.hitCount[slot]];
        int n = 0;
        int[] log = s.hitLog;
        for (int h = s.lastHit[slot]; h >= 0; h = log[h + 3]) {
            if (log[h] == side) {
                int from = log[h + 1];
                int shift = s.field[from] * FIELD_GAP;
                out[n++] = pack(from + shift, log[h + 2] + shift);
            }
        }
        long[] sorted = Arrays.copyOf(out, n);
        Arrays.sort(sorted);
        return sorted;
    }

    private static void addWords(DocumentWords s, long span, HitTable table) {
        // a text word sits FIELD_GAP after its index; a title word never has a text word FIELD_GAP before it
        int shift = start(span) >= FIELD_GAP && s.field[start(span) - FIELD_GAP] == 1 ? FIELD_GAP : 0;
        for (int p = start(span) - shift; p < end(span) - shift; p++) {
            table.add(s.field[p] == 0, s.start[p], s.end[p]);
        }
    }

    private static long pack(int start, int end) {
        return (long) start << 32 | end;
    }

    private static int start(long span) {
        return (int) (span >>> 32);
    }

    private static int end(long span) {
        return (int) span;
    }

    private static int length(long span) {
        return end(span) - start(span);
    }

    private static int compare(long x, long y) {
        return Long.compare(x, y);
    }
}
