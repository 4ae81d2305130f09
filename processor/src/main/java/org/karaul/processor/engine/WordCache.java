package org.karaul.processor.engine;

import java.util.Arrays;

/**
 * A word's term ids by its lower-cased characters, looked up without making a string: open
 * addressing on the word's hash, each slot's hash, pool offset and length side by side in one
 * array (one cache line per probe), the characters compared in place in one shared pool. The table
 * starts small, so a steady vocabulary stays in the processor's cache, and doubles up to
 * {@value #MAX_CAPACITY} slots; when that is half full it is emptied, so memory stays bounded
 * however many new names a stream brings. Not thread-safe.
 */
final class WordCache {
    private static final int MIN_CAPACITY = 1 << 12;
    private static final int MAX_CAPACITY = 1 << 17;
    /** Per slot, three ints: hash, offset in the pool plus one (0 marks an empty slot), length. */
    private int[] slots;
    private int[][] values;
    private char[] pool = new char[1 << 14];
    private int poolSize;
    private int count;

    WordCache() {
        allocate(MIN_CAPACITY);
    }

    private void allocate(int capacity) {
        slots = new int[capacity * 3];
        values = new int[capacity][];
        count = 0;
    }

    private int capacity() {
        return values.length;
    }

    /** The cached ids of {@code word[0, len)} with String hash {@code hash}, or null. */
    int[] get(char[] word, int len, int hash) {
        int mask = capacity() - 1;
        int[] s = slots;
        for (int i = index(hash, mask); s[3 * i + 1] != 0; i = (i + 1) & mask) {
            if (s[3 * i] == hash && s[3 * i + 2] == len && same(s[3 * i + 1] - 1, word, len)) {
                return values[i];
            }
        }
        return null;
    }

    void put(char[] word, int len, int hash, int[] ids) {
        if (count >= capacity() / 2) {
            if (capacity() == MAX_CAPACITY) {
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
        int[] oldSlots = slots;
        int[][] oldValues = values;
        allocate(capacity() * 2);
        for (int i = 0; i < oldValues.length; i++) {
            if (oldSlots[3 * i + 1] != 0) {
                insert(oldSlots[3 * i], oldSlots[3 * i + 1] - 1, oldSlots[3 * i + 2], oldValues[i]);
            }
        }
    }

    private void insert(int hash, int offset, int len, int[] ids) {
        int mask = capacity() - 1;
        int i = index(hash, mask);
        while (slots[3 * i + 1] != 0) {
            i = (i + 1) & mask;
        }
        slots[3 * i] = hash;
        slots[3 * i + 1] = offset + 1;
        slots[3 * i + 2] = len;
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
