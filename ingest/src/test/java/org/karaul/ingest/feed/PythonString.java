package org.karaul.ingest.feed;

/** Reads one Python string literal ({@code 'x'}, {@code u"x"}) with its escapes, as used in feedparser tests. */
final class PythonString {
    private PythonString() {
    }

    /** The value of literals joined with {@code +} starting at {@code from}, or null when there is none. */
    static String read(String s, int from) {
        int[] end = new int[1];
        String first = literal(s, from, end);
        if (first == null) {
            return null;
        }
        StringBuilder all = new StringBuilder(first);
        int i = end[0];
        while (true) {
            int j = i;
            while (j < s.length() && s.charAt(j) == ' ') {
                j++;
            }
            if (j >= s.length() || s.charAt(j) != '+') {
                return all.toString();
            }
            j++;
            while (j < s.length() && s.charAt(j) == ' ') {
                j++;
            }
            String next = literal(s, j, end);
            if (next == null) {
                return all.toString();
            }
            all.append(next);
            i = end[0];
        }
    }

    private static String literal(String s, int from, int[] end) {
        int i = from;
        while (i < s.length() && (s.charAt(i) == 'u' || s.charAt(i) == 'b' || s.charAt(i) == 'r')) {
            i++;
        }
        if (i >= s.length() || s.charAt(i) != '\'' && s.charAt(i) != '"') {
            return null;
        }
        char quote = s.charAt(i++);
        StringBuilder out = new StringBuilder();
        while (i < s.length()) {
            char ch = s.charAt(i++);
            if (ch == quote) {
                end[0] = i;
                return out.toString();
            }
            if (ch != '\\' || i >= s.length()) {
                out.append(ch);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'x' -> { out.appendCodePoint(Integer.parseInt(s.substring(i, i + 2), 16)); i += 2; }
                case 'u' -> { out.appendCodePoint(Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; }
                case 'U' -> { out.appendCodePoint(Integer.parseInt(s.substring(i, i + 8), 16)); i += 8; }
                default -> out.append(e);
            }
        }
        return null;
    }
}
