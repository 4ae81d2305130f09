package org.karaul.processor.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
     * The hit words of every matching pair, or null when no pair matches.
     *
     * @param hits (side, first word, end word) triples of one rule's alternatives found in the document
     */
    static List<Span> hits(RuleIndex.Scratch s, int[] hits, int count, int within) {
        long[] first = side(s, hits, count, 0);
        long[] second = side(s, hits, count, 1);
        if (first.length == 0 || second.length == 0) {
            return null;
        }
        List<Span> out = null;
        int a = 0;
        int b = 0;
        int total = length(first[a]) + length(second[b]);
        int maxEnd = Math.max(end(first[a]), end(second[b]));
        boolean topIsFirst = compare(first[a], second[b]) <= 0;
        while (true) {
            int topStart = start(topIsFirst ? first[a] : second[b]);
            if (maxEnd - topStart - total <= within) {
                out = out == null ? new ArrayList<>() : out;
                addWords(s, first[a], out);
                addWords(s, second[b], out);
            }
            long[] side = topIsFirst ? first : second;
            int i = topIsFirst ? a : b;
            if (i + 1 == side.length) {
                return out;
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
    private static long[] side(RuleIndex.Scratch s, int[] hits, int count, int side) {
        long[] out = new long[count / 3];
        int n = 0;
        for (int h = 0; h < count; h += 3) {
            if (hits[h] == side) {
                int from = hits[h + 1];
                int shift = s.field[from] * FIELD_GAP;
                out[n++] = pack(from + shift, hits[h + 2] + shift);
            }
        }
        long[] sorted = Arrays.copyOf(out, n);
        Arrays.sort(sorted);
        return sorted;
    }

    private static void addWords(RuleIndex.Scratch s, long span, List<Span> out) {
        // a text word sits FIELD_GAP after its index; a title word never has a text word FIELD_GAP before it
        int shift = start(span) >= FIELD_GAP && s.field[start(span) - FIELD_GAP] == 1 ? FIELD_GAP : 0;
        for (int p = start(span) - shift; p < end(span) - shift; p++) {
            out.add(s.span(p));
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
