package org.karaul.processor.engine;

import java.util.Collection;

/**
 * The {@link String#hashCode()} values of a set of strings and of all their prefixes, in one open-addressing table: a
 * string whose hash is not here as a whole string is not in the set ({@link #mayContain}), and a word read as
 * characters can be checked against the set without making a string, stopping at its first prefix that begins no
 * string of the set ({@link #mayHavePrefix}: a made-up name is usually done after two or three characters, and the
 * table's entries for short prefixes stay in the processor's cache). A hash found here proves nothing (two strings
 * may share one), so a caller then does the exact test. The hashes of prefixes of up to {@value #SHORT} characters are
 * also kept as bits in two small sets ({@link #starts}, {@link #wholes}) that {@link #mayHavePrefix} reads first: a
 * made-up name usually leaves the set there, without a probe into the large table, which does not stay in the
 * processor's cache. Immutable, so thread-safe.
 */
final class StringHashes {
    /** Prefixes up to this length are looked up in the bit sets first. */
    private static final int SHORT = 3;
    /** Bits in each of the two sets: 8 KB each, small enough to stay in the processor's cache. */
    private static final int BITS = 1 << 16;
    private static final long USED = 1L << 32;
    private static final long WHOLE = 1L << 33;
    private static final long HASH = 0xFFFF_FFFFL;
    /** Per slot: the hash in the low 32 bits, {@link #USED}, and {@link #WHOLE} when some string of the set (not only a prefix) has it. */
    private final long[] table;
    private final int mask;
    /** A bit per hash (mixed, {@link #bit}) of each prefix of up to {@value #SHORT} characters of some string. */
    private final long[] starts = new long[BITS / 64];
    /** The same for the strings of the set themselves of up to {@value #SHORT} characters. */
    private final long[] wholes = new long[BITS / 64];
    /**
     * A bit per hash of every string of the set (about 16 bits a string, so about one hash in sixteen of strings not
     * in it finds its bit set): {@link #mayContain} reads it before the table.
     */
    private final long[] members;
    private final int membersMask;

    StringHashes(Collection<String> strings) {
        int chars = 0;
        for (String s : strings) {
            chars += s.length() + 1;
        }
        int capacity = Integer.highestOneBit(Math.max(4, chars * 2) - 1) << 1;
        table = new long[capacity];
        mask = capacity - 1;
        int memberBits = Integer.highestOneBit(Math.max(1 << 12, Math.min(1 << 24, strings.size() * 16)) - 1) << 1;
        members = new long[memberBits / 64];
        membersMask = memberBits - 1;
        for (String s : strings) {
            int h = 0;
            for (int n = 1; n <= s.length(); n++) {
                h = 31 * h + s.charAt(n - 1);
                add(h, n == s.length());
                if (n <= SHORT) {
                    int b = bit(h);
                    starts[b >>> 6] |= 1L << b;
                    if (n == s.length()) {
                        wholes[b >>> 6] |= 1L << b;
                    }
                }
            }
            if (s.isEmpty()) {
                add(0, true);
            }
            int m = mix(h) & membersMask;
            members[m >>> 6] |= 1L << m;
        }
    }

    private void add(int h, boolean whole) {
        int i = index(h, mask);
        while ((table[i] & USED) != 0 && (int) table[i] != h) {
            i = (i + 1) & mask;
        }
        table[i] |= (h & HASH) | USED | (whole ? WHOLE : 0);
    }

    /** The slot's bits for hash {@code h}, or 0 when no string of the set or prefix of one has it. */
    private long find(int h) {
        for (int i = index(h, mask); (table[i] & USED) != 0; i = (i + 1) & mask) {
            if ((int) table[i] == h) {
                return table[i];
            }
        }
        return 0;
    }

    /**
     * False when no string of the set begins with a prefix of {@code n} characters whose hash is {@code h}: nor then
     * with a longer one.
     */
    boolean mayStart(int h, int n) {
        if (n <= SHORT) {
            int b = bit(h);
            return (starts[b >>> 6] & 1L << b) != 0;
        }
        return find(h) != 0;
    }

    /** False when no string of the set has hash {@code h}. */
    boolean mayContain(int h) {
        int m = mix(h) & membersMask;
        return (members[m >>> 6] & 1L << m) != 0 && (find(h) & WHOLE) != 0;
    }

    /** False when no {@code word[0, n)} with {@code from <= n <= len} is in the set; true when one may be. */
    boolean mayHavePrefix(char[] word, int from, int len) {
        int h = 0;
        for (int n = 1; n <= len; n++) {
            h = 31 * h + word[n - 1];
            if (n <= SHORT) {
                // the bit sets hold every short prefix's hash: a missing bit is as sure as a missing slot, a set bit
                // (maybe another hash's) as unsure as a found slot
                int b = bit(h);
                if ((starts[b >>> 6] & 1L << b) == 0) {
                    return false;
                }
                if (n >= from && (wholes[b >>> 6] & 1L << b) != 0) {
                    return true;
                }
                continue;
            }
            long slot = find(h);
            if (slot == 0) {
                return false; // no string of the set starts with word[0, n), so none is a longer prefix of the word
            }
            if (n >= from && (slot & WHOLE) != 0) {
                return true;
            }
        }
        return false;
    }

    private static int bit(int h) {
        return mix(h) & (BITS - 1);
    }

    private static int index(int h, int mask) {
        return mix(h) & mask;
    }

    private static int mix(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
