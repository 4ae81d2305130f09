package org.karaul.processor.engine;

/**
 * Splits text into words the way {@link KaraulAnalyzer} does, in one pass without token streams:
 * Unicode word rules (letters and digits join, {@code U.S}, {@code 3.5}, {@code 1,000} stay one word,
 * hyphens and other punctuation split, each ideograph is a word), apostrophes dropped inside and
 * around words ({@code Farg'ona}, {@code Taliban's}), {@code ё} folded to {@code е}, lower-cased.
 * A word of two to six upper-case letters is flagged as an acronym. Offsets point into the original
 * text. Each character's class and lower-case form come from tables built once. {@code
 * EngineAgreementTest} checks the result against the analyser's on real news text. Not
 * thread-safe: it reuses its buffers.
 */
final class WordSplitter {
    /** Longest word; a longer run is cut, as the standard tokenizer cuts at this length. */
    static final int MAX_WORD = 255;
    private static final int MAX_ACRONYM = 6;
    private static final byte STARTS = 1;
    private static final byte CONTINUES = 2;
    private static final byte UPPER = 4;
    private static final byte APOSTROPHE = 8;
    private static final byte IDEOGRAPH = 16;
    /** A character that may join two words: {@code . : · , ;}. */
    private static final byte JOINER = 32;
    private static final byte[] CLASS = new byte[Character.MAX_VALUE + 1];
    private static final char[] LOWER = new char[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            CLASS[c] = classify((char) c);
            char lower = Character.toLowerCase((char) c);
            LOWER[c] = lower == 'ё' ? 'е' : lower;
        }
    }

    /** Receives each word. */
    interface Sink {
        /**
         * {@code lower[0, len)}: the word lower-cased, {@code hash} its {@link String#hashCode()};
         * {@code start}, {@code end}: its offsets in the text.
         */
        void word(char[] lower, int len, int hash, boolean acronym, int start, int end);
    }

    private char[] text = new char[4096];
    private final char[] buf = new char[MAX_WORD + 1];

    void split(String value, Sink sink) {
        int n = value.length();
        if (n > text.length) {
            text = new char[Math.max(n, text.length * 2)];
        }
        value.getChars(0, n, text, 0);
        char[] t = text;
        char[] w = buf;
        int i = 0;
        while (i < n) {
            char c = t[i];
            int cls = CLASS[c];
            if ((cls & STARTS) == 0) {
                i++;
                continue;
            }
            int start = i;
            if ((cls & IDEOGRAPH) != 0) {
                w[0] = c;
                sink.word(w, 1, c, false, i, i + 1);
                i++;
                continue;
            }
            int len = 0;
            int hash = 0;
            boolean upper = true;
            while (i < n && len < MAX_WORD) {
                c = t[i];
                cls = CLASS[c];
                if ((cls & CONTINUES) != 0) {
                    char lower = LOWER[c];
                    upper &= (cls & UPPER) != 0;
                    w[len++] = lower;
                    hash = 31 * hash + lower;
                    i++;
                } else if ((cls & APOSTROPHE) != 0) {
                    int j = i;
                    while (j < n && (CLASS[t[j]] & APOSTROPHE) != 0) {
                        j++;
                    }
                    boolean more = j < n && (CLASS[t[j]] & CONTINUES) != 0;
                    i = j;
                    if (!more) {
                        break; // trailing apostrophes end the word and, as in the analyser, its offsets
                    }
                } else if ((cls & JOINER) != 0 && i + 1 < n && joins(w[len - 1], c, t[i + 1])) {
                    upper = false;
                    w[len++] = c;
                    hash = 31 * hash + c;
                    i++;
                } else {
                    break;
                }
            }
            sink.word(w, len, hash, upper && len >= 2 && len <= MAX_ACRONYM, start, i);
        }
    }

    /** A mid-word full stop, colon or digit separator: {@code U.S}, {@code 3.5}, {@code 1,000}. */
    private static boolean joins(char before, char c, char after) {
        return switch (c) {
            case '.' -> Character.isLetter(before) && Character.isLetter(after) || Character.isDigit(before) && Character.isDigit(after);
            case ':', '\u00B7' -> Character.isLetter(before) && Character.isLetter(after);
            case ',', ';' -> Character.isDigit(before) && Character.isDigit(after);
            default -> false;
        };
    }

    private static byte classify(char c) {
        if (apostrophe(c)) {
            return APOSTROPHE;
        }
        if (c == '.' || c == ':' || c == '\u00B7' || c == ',' || c == ';') {
            return JOINER;
        }
        boolean ideograph = c >= '\u2E80' && (Character.isIdeographic(c) || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HIRAGANA);
        if (ideograph) {
            return STARTS | IDEOGRAPH;
        }
        byte cls = 0;
        if (Character.isLetterOrDigit(c) || c == '_') {
            cls |= STARTS | CONTINUES;
        }
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT || type == Character.CONNECTOR_PUNCTUATION) {
            cls |= CONTINUES;
        }
        if (Character.isUpperCase(c)) {
            cls |= UPPER;
        }
        return cls;
    }

    static boolean apostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BB' || c == '\u02BC' || c == '`' || c == '\u00B4';
    }
}
