package org.karaul.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.karaul.config.ConfigException;
import org.karaul.config.Settings;

/** Reads a sources file (YAML): a {@code sources} list of id, type, url, interval, lang, grade, regions. */
public final class SourcesFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String BUNDLED = "sources/default-sources.yaml";

    private SourcesFile() {
    }

    /** Loads the file, or the bundled default sources when {@code file} is null. */
    public static List<SourceSpec> load(Path file) {
        String origin = file == null ? "classpath:" + BUNDLED : file.toString();
        try (InputStream in = file == null ? SourcesFile.class.getClassLoader().getResourceAsStream(BUNDLED)
                : Files.newInputStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing " + origin);
            }
            return parse(YAML.readTree(in), origin);
        } catch (IOException e) {
            throw new ConfigException("ingest.sources.path", origin, "cannot read sources file: " + e.getMessage());
        }
    }

    static List<SourceSpec> parse(JsonNode root, String origin) {
        JsonNode list = root == null ? null : root.get("sources");
        if (list == null || !list.isArray()) {
            throw new ConfigException("sources", origin, "expected a top-level 'sources:' list");
        }
        List<SourceSpec> specs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String where = "sources[" + i + "]";
            String id = required(n, "id", where, origin);
            if (!ids.add(id)) {
                throw new ConfigException(where + ".id", origin, "duplicate source id '" + id + "'");
            }
            List<String> regions = new ArrayList<>();
            n.path("regions").forEach(r -> regions.add(r.asText()));
            specs.add(new SourceSpec(id, required(n, "type", where, origin), required(n, "url", where, origin),
                    Settings.parseDuration(where + ".interval", n.path("interval").asText("5m"), origin),
                    text(n, "lang"), text(n, "grade"), regions));
        }
        return specs;
    }

    private static String required(JsonNode n, String field, String where, String origin) {
        String v = text(n, field);
        if (v == null) {
            throw new ConfigException(where + "." + field, origin, "missing");
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().trim();
    }
}
