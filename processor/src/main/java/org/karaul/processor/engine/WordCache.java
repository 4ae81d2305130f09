package org.karaul.processor.engine;

import java.util.Arrays;

/**
 * A word's term ids by its lower-cased characters, looked up without making a string: open
 * addressing on the word's hash, each slot's hash, word position and term-id position side by side
 * in one array (one cache line per probe), the characters and the ids in two shared pools (no
 * pointer to chase per word). The table starts small, so a steady vocabulary stays in the
 * processor's cache, and doubles up to {@value #MAX_CAPACITY} slots; when that is half full it is
 * {@link #full()}, and its owner starts a new one ({@link DocumentWords} keeps the full one as the
 * previous generation), so memory stays bounded however many new names a stream brings. Not thread-safe.
 */
final class WordCache {
    private static final int MIN_CAPACITY = 1 << 12;
    private static final int MAX_CAPACITY = 1 << 14;
    private static final int STRIDE = 5;
    /** Per slot: hash, offset in the character pool plus one (0 marks an empty slot), length, offset and count of its ids. */
    private int[] slots;
    private int capacity;
    private char[] chars = new char[1 << 14];
    private int charsSize;
    private int[] ids = new int[1 << 12];
    private int idsSize;
    private int count;

    WordCache() {
        allocate(MIN_CAPACITY);
    }

    private void allocate(int newCapacity) {
        capacity = newCapacity;
        slots = new int[capacity * STRIDE];
        count = 0;
    }

    /** The slot of {@code word[0, len)} with String hash {@code hash}, or -1; valid until the next {@link #put}. */
    int find(char[] word, int len, int hash) {
        int mask = capacity - 1;
        int[] s = slots;
        for (int i = index(hash, mask); s[STRIDE * i + 1] != 0; i = (i + 1) & mask) {
            int at = STRIDE * i;
            if (s[at] == hash && s[at + 2] == len && same(s[at + 1] - 1, word, len)) {
                return i;
            }
        }
        return -1;
    }

    /** Where a slot's ids start in {@link #ids()}. */
    int idsFrom(int slot) {
        return slots[STRIDE * slot + 3];
    }

    int idsCount(int slot) {
        return slots[STRIDE * slot + 4];
    }

    /** The id pool; read it right after {@link #find} or {@link #put}. */
    int[] ids() {
        return ids;
    }

    /** Whether the table holds as many words as it may: {@link #put} then refuses, and the owner starts a new cache. */
    boolean full() {
        return capacity == MAX_CAPACITY && count >= capacity / 2;
    }

    /** A copy of a slot's ids. */
    int[] idsOf(int slot) {
        int from = idsFrom(slot);
        return Arrays.copyOfRange(ids, from, from + idsCount(slot));
    }

    /** Stores a word's ids and returns its slot; not when {@link #full()}. */
    int put(char[] word, int len, int hash, int[] wordIds) {
        if (full()) {
            throw new IllegalStateException("word cache is full at " + count + " words");
        }
        if (count >= capacity / 2) {
            grow();
        }
        if (charsSize + len > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charsSize + len));
        }
        if (idsSize + wordIds.length > ids.length) {
            ids = Arrays.copyOf(ids, Math.max(ids.length * 2, idsSize + wordIds.length));
        }
        System.arraycopy(word, 0, chars, charsSize, len);
        System.arraycopy(wordIds, 0, ids, idsSize, wordIds.length);
        int slot = insert(hash, charsSize, len, idsSize, wordIds.length);
        charsSize += len;
        idsSize += wordIds.length;
        return slot;
    }

    private void grow() {
        int[] old = slots;
        int oldCapacity = capacity;
        allocate(capacity * 2);
        for (int i = 0; i < oldCapacity; i++) {
            int at = STRIDE * i;
            if (old[at + 1] != 0) {
                insert(old[at], old[at + 1] - 1, old[at + 2], old[at + 3], old[at + 4]);
            }
        }
    }

    private int insert(int hash, int offset, int len, int idsAt, int idsLen) {
        int mask = capacity - 1;
        int i = index(hash, mask);
        while (slots[STRIDE * i + 1] != 0) {
            i = (i + 1) & mask;
        }
        int at = STRIDE * i;
        slots[at] = hash;
        slots[at + 1] = offset + 1;
        slots[at + 2] = len;
        slots[at + 3] = idsAt;
        slots[at + 4] = idsLen;
        count++;
        return i;
    }

    private static int index(int hash, int mask) {
        int h = hash * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    private boolean same(int offset, char[] word, int len) {
        for (int i = 0; i < len; i++) {
            if (chars[offset + i] != word[i]) {
                return false;
            }
        }
        return true;
    }
}
