package org.karaul.ingest.feed;

import org.jsoup.Jsoup;

import java.util.regex.Pattern;

/** Turns feed text fields, which may hold escaped HTML, into plain text. */
final class FeedText {
    private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z/!][^>]*>|<!--|&#?\\w+;");

    /** An HTML comment, ended SGML-style at the first {@code >} when {@code -->} never comes, or left open. */
    private static final Pattern COMMENT = Pattern.compile("<!--(?:.*?-->|[^>]*>|[^>]*$)", Pattern.DOTALL);

    private FeedText() {
    }

    /** Decodes base64 text, returning the input unchanged when it is not base64. */
    static String fromBase64(String s) {
        try {
            return new String(java.util.Base64.getMimeDecoder().decode(s.trim()), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return s;
        }
    }

    static String plain(String s) {
        if (s == null) {
            return "";
        }
        String t = MARKUP.matcher(s).find() ? Jsoup.parseBodyFragment(COMMENT.matcher(s).replaceAll("")).text() : s;
        return t.replace('\u00a0', ' ').replaceAll("\\s+", " ").trim();
    }
}
