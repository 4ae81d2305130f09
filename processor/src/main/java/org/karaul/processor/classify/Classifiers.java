package org.karaul.processor.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.karaul.contract.Severity;

/** Builds the classifier the processor uses from a taxonomy file. */
public final class Classifiers {
    private static final String BUNDLED = "taxonomy/threat-taxonomy.yaml";

    private Classifiers() {
    }

    /**
     * Loads the taxonomy from {@code taxonomyDir/threat-taxonomy.yaml}, or the bundled one when null.
     *
     * @throws IllegalArgumentException naming the file and entry when the taxonomy is invalid
     */
    public static Classifier load(Path taxonomyDir) {
        String origin = taxonomyDir == null ? "classpath:" + BUNDLED : taxonomyDir.resolve("threat-taxonomy.yaml").toString();
        try (InputStream in = taxonomyDir == null ? Classifiers.class.getClassLoader().getResourceAsStream(BUNDLED)
                : Files.newInputStream(taxonomyDir.resolve("threat-taxonomy.yaml"))) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<String, KeywordClassifier.Category> categories = new LinkedHashMap<>();
            for (JsonNode c : root.path("categories")) {
                String id = c.path("id").asText();
                categories.put(id, new KeywordClassifier.Category(id, Severity.of(c.path("severity").asText()), terms(c.path("terms"))));
            }
            Map<String, List<Pattern>> countries = new LinkedHashMap<>();
            root.path("countries").fields().forEachRemaining(e -> countries.put(e.getKey(), terms(e.getValue())));
            return new KeywordClassifier(root.path("version").asText("unversioned"), categories,
                    terms(root.path("escalation")), countries);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot load taxonomy " + origin + ": " + e.getMessage(), e);
        }
    }

    private static List<Pattern> terms(JsonNode list) {
        List<Pattern> out = new ArrayList<>();
        list.forEach(t -> out.add(KeywordClassifier.term(t.asText())));
        return out;
    }
}
