package org.karaul.processor.engine;

import java.util.Arrays;

/**
 * Splits text into words the way {@link KaraulAnalyzer} does, in one pass without token streams:
 * Unicode word rules (letters and digits join, {@code U.S}, {@code 3.5}, {@code 1,000} stay one word,
 * hyphens and other punctuation split, each ideograph is a word), apostrophes dropped inside and
 * around words ({@code Farg'ona}, {@code Taliban's}), {@code ё} folded to {@code е}, lower-cased.
 * A word of two to six upper-case letters is flagged as an acronym. Offsets point into the original
 * text. {@code EngineAgreementTest} checks the result against the analyser's on real news text.
 * Not thread-safe: it reuses its buffers.
 */
final class WordSplitter {
    /** Longest word; a longer run is cut, as the standard tokenizer cuts at this length. */
    static final int MAX_WORD = 255;
    private static final int MAX_ACRONYM = 6;

    /** Receives each word. */
    interface Sink {
        /**
         * {@code lower[0, len)}: the word lower-cased, {@code hash} its {@link String#hashCode()};
         * {@code start}, {@code end}: its offsets in the text.
         */
        void word(char[] lower, int len, int hash, boolean acronym, int start, int end);
    }

    private char[] text = new char[4096];
    private char[] buf = new char[64];

    void split(String value, Sink sink) {
        int n = value.length();
        if (n > text.length) {
            text = new char[Math.max(n, text.length * 2)];
        }
        value.getChars(0, n, text, 0);
        char[] t = text;
        int i = 0;
        while (i < n) {
            char c = t[i];
            if (!startsWord(c)) {
                i++;
                continue;
            }
            int start = i;
            if (ideograph(c)) {
                buf[0] = c;
                sink.word(buf, 1, c, false, i, i + 1);
                i++;
                continue;
            }
            int len = 0;
            int hash = 0;
            boolean upper = true;
            while (i < n && len < MAX_WORD) {
                c = t[i];
                char lower = lower(c);
                if (lower != 0 || inWord(c)) {
                    if (lower == 0) {
                        lower = Character.toLowerCase(c);
                        lower = lower == 'ё' ? 'е' : lower;
                    }
                    upper &= upper(c);
                    append(lower, len++);
                    hash = 31 * hash + lower;
                    i++;
                } else if (apostrophe(c)) {
                    int j = i;
                    while (j < n && apostrophe(t[j])) {
                        j++;
                    }
                    boolean more = j < n && (lower(t[j]) != 0 || inWord(t[j]));
                    i = j;
                    if (!more) {
                        break; // trailing apostrophes end the word and, as in the analyser, its offsets
                    }
                } else if (i + 1 < n && joins(buf[len - 1], c, t[i + 1])) {
                    upper = false;
                    append(c, len++);
                    hash = 31 * hash + c;
                    i++;
                } else {
                    break;
                }
            }
            sink.word(buf, len, hash, upper && len >= 2 && len <= MAX_ACRONYM, start, i);
        }
    }

    private void append(char c, int at) {
        if (at == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[at] = c;
    }

    /**
     * The lower-case form of an ASCII or Russian letter or digit, 0 for any other character (which
     * the caller classifies the slow way). Upper-case letters come out different from the input.
     */
    private static char lower(char c) {
        if (c < 128) {
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
                return c;
            }
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : 0;
        }
        if (c >= 'а' && c <= 'я') {
            return c;
        }
        if (c >= 'А' && c <= 'Я') {
            return (char) (c + 32);
        }
        return c == 'ё' || c == 'Ё' ? 'е' : 0;
    }

    private static boolean upper(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z';
        }
        return c >= 'А' && c <= 'Я' || c == 'Ё' || c > 'я' && Character.isUpperCase(c);
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

    private static boolean startsWord(char c) {
        return lower(c) != 0 || c >= 128 && Character.isLetterOrDigit(c);
    }

    /** Any character that continues a word once started (letters, digits, marks, joiners), except ideographs. */
    private static boolean inWord(char c) {
        if (c < 128) {
            return false; // the ASCII word characters are handled by lower()
        }
        if (Character.isLetterOrDigit(c)) {
            return !ideograph(c);
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || type == Character.FORMAT || type == Character.CONNECTOR_PUNCTUATION;
    }

    private static boolean ideograph(char c) {
        return c >= '\u2E80' && (Character.isIdeographic(c) || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HIRAGANA);
    }

    static boolean apostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BB' || c == '\u02BC' || c == '`' || c == '\u00B4';
    }
}
