package org.karaul.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.karaul.config.ConfigException;
import org.karaul.config.Settings;
import org.karaul.ingest.extract.SiteSelectors;

/**
 * Reads and validates a sources file (YAML, see {@code sources/default-sources.yaml} and INGEST.md).
 * Every problem is collected and reported at once, naming the file and the entry.
 */
public final class SourcesFile {
    /** The sources shipped in the jar. */
    public static final String DEFAULT_RESOURCE = "/sources/default-sources.yaml";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern GRADE = Pattern.compile("[A-F]");
    private static final Set<String> KEYS = Set.of("id", "type", "url", "interval", "minInterval", "lang", "grade",
            "regions", "selectors", "maxItems", "note", "country", "kind", "reason", "confirmed");
    private static final Pattern LANG = Pattern.compile("[a-z]{2}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}|regional");
    private static final int REASON_MAX = 200;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SourcesFile() {
    }

    public static List<SourceSpec> load(Path file) throws SourcesFileException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.toString(), in);
        } catch (IOException e) {
            throw new SourcesFileException(file.toString(), List.of("cannot read: " + e.getMessage()), e);
        }
    }

    /** The given file, or the bundled default sources when {@code file} is null. */
    public static List<SourceSpec> loadOrDefault(Path file) throws SourcesFileException {
        return file == null ? loadDefault() : load(file);
    }

    public static List<SourceSpec> loadDefault() throws SourcesFileException {
        try (InputStream in = SourcesFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new SourcesFileException(DEFAULT_RESOURCE, List.of("missing from the classpath"), null);
            }
            return parse("classpath:" + DEFAULT_RESOURCE, in);
        } catch (IOException e) {
            throw new SourcesFileException(DEFAULT_RESOURCE, List.of("cannot read: " + e.getMessage()), e);
        }
    }

    public static List<SourceSpec> parse(String name, InputStream in) throws SourcesFileException {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (IOException e) {
            throw new SourcesFileException(name, List.of("not valid YAML: " + e.getMessage().replaceAll("\\s+", " ")), e);
        }
        JsonNode list = root == null ? null : root.get("sources");
        if (list == null || !list.isArray()) {
            throw new SourcesFileException(name, List.of("expected a top-level 'sources:' list"), null);
        }
        List<String> problems = new ArrayList<>();
        List<SourceSpec> specs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String where = "entry " + (i + 1) + (n.hasNonNull("id") ? " (id " + n.get("id").asText() + ")" : "");
            List<String> entryProblems = new ArrayList<>();
            SourceSpec spec = entry(n, entryProblems);
            if (spec != null && !ids.add(spec.id())) {
                entryProblems.add("duplicate id");
            }
            entryProblems.forEach(p -> problems.add(where + ": " + p));
            if (entryProblems.isEmpty() && spec != null) {
                specs.add(spec);
            }
        }
        if (!problems.isEmpty()) {
            throw new SourcesFileException(name, problems, null);
        }
        return specs;
    }

    private static SourceSpec entry(JsonNode n, List<String> problems) {
        if (!n.isObject()) {
            problems.add("expected a mapping");
            return null;
        }
        n.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                problems.add("unknown key '" + k + "'");
            }
        });
        String id = text(n, "id");
        String type = text(n, "type");
        String url = text(n, "url");
        if (id == null || !ID.matcher(id).matches()) {
            problems.add("id must be lower-case letters, digits, '.', '_' or '-' (got " + id + ")");
        }
        if (type == null || !SourceSpec.TYPES.contains(type)) {
            problems.add("type must be one of " + new java.util.TreeSet<>(SourceSpec.TYPES) + " (got " + type + ")");
        }
        if (url == null || !absoluteHttp(url)) {
            problems.add("url must be an absolute http(s) URL (got " + url + ")");
        }
        Duration interval = duration(n, "interval", Duration.ofMinutes(15), problems);
        Duration min = duration(n, "minInterval", null, problems);
        if (min != null && interval != null && min.compareTo(interval) > 0) {
            problems.add("minInterval is longer than interval");
        }
        String grade = text(n, "grade");
        if (grade != null && !GRADE.matcher(grade).matches()) {
            problems.add("grade must be one letter A-F (got " + grade + ")");
        }
        String lang = text(n, "lang");
        if (lang != null && !LANG.matcher(lang).matches()) {
            problems.add("lang must be a two-letter ISO 639-1 code in lower case (got " + lang + ")");
        }
        List<String> regions = new ArrayList<>();
        n.path("regions").forEach(r -> regions.add(r.asText()));
        SiteSelectors selectors = selectors(n.get("selectors"), problems);
        SourceProfile profile = profile(n, problems);
        if (!problems.isEmpty()) {
            return null;
        }
        return new SourceSpec(id, type, url, interval, lang, grade, regions, min, selectors,
                n.path("maxItems").asInt(0), profile);
    }

    private static SourceProfile profile(JsonNode n, List<String> problems) {
        String country = text(n, "country");
        if (country != null && !COUNTRY.matcher(country).matches()) {
            problems.add("country must be an ISO 3166 alpha-2 code in upper case or 'regional' (got " + country + ")");
        }
        String kind = text(n, "kind");
        if (kind != null && !SourceProfile.KINDS.contains(kind)) {
            problems.add("kind must be one of " + new java.util.TreeSet<>(SourceProfile.KINDS) + " (got " + kind + ")");
        }
        String reason = text(n, "reason");
        if (reason != null && (reason.contains("\n") || reason.length() > REASON_MAX)) {
            problems.add("reason must be one line of at most " + REASON_MAX + " characters");
        }
        JsonNode confirmed = n.get("confirmed");
        if (confirmed != null && !confirmed.isBoolean()) {
            problems.add("confirmed must be true or false (got " + confirmed.asText() + ")");
        }
        return new SourceProfile(country, kind, reason, confirmed == null || confirmed.asBoolean());
    }

    private static SiteSelectors selectors(JsonNode s, List<String> problems) {
        if (s == null || s.isNull()) {
            return SiteSelectors.NONE;
        }
        for (String k : List.of("title", "body", "published", "remove", "links")) {
            String css = text(s, k);
            if (css != null) {
                try {
                    org.jsoup.select.QueryParser.parse(css);
                } catch (RuntimeException e) {
                    problems.add("selectors." + k + " is not a CSS selector: " + css);
                }
            }
        }
        return new SiteSelectors(text(s, "title"), text(s, "body"), text(s, "published"), text(s, "remove"),
                text(s, "links"));
    }

    private static Duration duration(JsonNode n, String key, Duration fallback, List<String> problems) {
        String v = text(n, key);
        if (v == null) {
            return fallback;
        }
        try {
            Duration d = Settings.parseDuration(key, v, null);
            if (d.isNegative() || d.isZero()) {
                problems.add(key + ": duration must be positive: '" + v + "'");
                return fallback;
            }
            return d;
        } catch (ConfigException e) {
            problems.add(key + ": not a duration: '" + v + "' (use 90s, 15m, 2h or PT15M)");
            return fallback;
        }
    }

    private static boolean absoluteHttp(String url) {
        try {
            URI u = URI.create(url);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().trim();
    }
}
