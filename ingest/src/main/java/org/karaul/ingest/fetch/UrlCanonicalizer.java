package org.karaul.ingest.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Canonical URLs, so one article is one key: lower-case scheme and host, default port and fragment dropped,
 * tracking parameters (utm_*, fbclid, gclid, yclid, ...) removed, other parameters kept in order.
 */
public final class UrlCanonicalizer {
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gclsrc", "yclid", "msclkid",
            "mc_cid", "mc_eid", "igshid", "_openstat", "_hsenc", "_hsmi", "mkt_tok", "ref_src", "ref_url",
            "spm", "wt.mc_id", "cmpid", "ncid", "ocid", "sr_share", "share", "from", "rss", "amp");

    private UrlCanonicalizer() {
    }

    /** Canonical form of an absolute http(s) URL, or empty when it is not one. */
    public static Optional<String> canonicalize(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI u = new URI(url.trim().replace(" ", "%20"));
            String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || u.getHost() == null) {
                return Optional.empty();
            }
            String host = u.getHost().toLowerCase(Locale.ROOT);
            if (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            int port = u.getPort();
            boolean defaultPort = port == -1 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            String query = cleanQuery(u.getRawQuery());
            return Optional.of(scheme + "://" + host + (defaultPort ? "" : ":" + port) + path
                    + (query.isEmpty() ? "" : "?" + query));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Resolves {@code href} against {@code base}, then canonicalizes. */
    public static Optional<String> resolve(String base, String href) {
        if (href == null || href.isBlank()) {
            return Optional.empty();
        }
        try {
            return canonicalize(new URI(base).resolve(href.trim().replace(" ", "%20")).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String cleanQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING.contains(name)) {
                kept.add(pair);
            }
        }
        return kept.toString();
    }
}
