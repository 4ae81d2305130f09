package org.karaul.processor.engine;

import java.util.Arrays;

/**
 * A word's term ids by its lower-cased characters, looked up without making a string: open
 * addressing on the word's hash, the characters compared in place in one shared character pool
 * (no pointer to chase per word). The table starts small, so a steady vocabulary stays in the
 * processor's cache, and doubles up to {@value #MAX_CAPACITY} slots; when that is half full it is
 * emptied, so memory stays bounded however many new names a stream brings. Not thread-safe.
 */
final class WordCache {
    private static final int MIN_CAPACITY = 1 << 12;
    private static final int MAX_CAPACITY = 1 << 17;
    /** Per slot: hash, then the word's offset in the pool and its length; offset -1 marks an empty slot. */
    private int[] hashes;
    private int[] offsets;
    private int[] lengths;
    private int[][] values;
    private char[] pool = new char[1 << 14];
    private int poolSize;
    private int count;

    WordCache() {
        allocate(MIN_CAPACITY);
    }

    private void allocate(int capacity) {
        hashes = new int[capacity];
        offsets = new int[capacity];
        Arrays.fill(offsets, -1);
        lengths = new int[capacity];
        values = new int[capacity][];
        count = 0;
    }

    /** The cached ids of {@code word[0, len)} with String hash {@code hash}, or null. */
    int[] get(char[] word, int len, int hash) {
        int mask = offsets.length - 1;
        for (int i = index(hash, mask); offsets[i] >= 0; i = (i + 1) & mask) {
            if (hashes[i] == hash && lengths[i] == len && same(offsets[i], word, len)) {
                return values[i];
            }
        }
        return null;
    }

    void put(char[] word, int len, int hash, int[] ids) {
        if (count >= offsets.length / 2) {
            if (offsets.length == MAX_CAPACITY) {
                allocate(MAX_CAPACITY);
                poolSize = 0;
            } else {
                grow();
            }
        }
        if (poolSize + len > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
        }
        System.arraycopy(word, 0, pool, poolSize, len);
        insert(hash, poolSize, len, ids);
        poolSize += len;
    }

    private void grow() {
        int[] oldHashes = hashes;
        int[] oldOffsets = offsets;
        int[] oldLengths = lengths;
        int[][] oldValues = values;
        allocate(offsets.length * 2);
        for (int i = 0; i < oldOffsets.length; i++) {
            if (oldOffsets[i] >= 0) {
                insert(oldHashes[i], oldOffsets[i], oldLengths[i], oldValues[i]);
            }
        }
    }

    private void insert(int hash, int offset, int len, int[] ids) {
        int mask = offsets.length - 1;
        int i = index(hash, mask);
        while (offsets[i] >= 0) {
            i = (i + 1) & mask;
        }
        hashes[i] = hash;
        offsets[i] = offset;
        lengths[i] = len;
        values[i] = ids;
        count++;
    }

    private static int index(int hash, int mask) {
        int h = hash * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    private boolean same(int offset, char[] word, int len) {
        for (int i = 0; i < len; i++) {
            if (pool[offset + i] != word[i]) {
                return false;
            }
        }
        return true;
    }
}
