package org.karaul.processor.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reading helpers that turn a malformed YAML node into a {@link TaxonomyException} naming file and entry. */
final class Yaml {
    private static final YAMLMapper MAPPER = new YAMLMapper();
    private final String file;

    Yaml(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    JsonNode parse(InputStream in) {
        try (in) {
            JsonNode root = MAPPER.readTree(in);
            if (root == null || !root.isObject()) {
                throw fail("(file)", "expected a mapping at the top level");
            }
            return root;
        } catch (IOException e) {
            throw new TaxonomyException(file, "(file)", "not valid YAML: " + e.getMessage(), e);
        }
    }

    TaxonomyException fail(String entry, String problem) {
        return new TaxonomyException(file, entry, problem);
    }

    void onlyKeys(JsonNode node, String entry, Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw fail(entry, "unknown key '" + name + "'; allowed: " + allowed);
            }
        }
    }

    String text(JsonNode node, String key, String entry) {
        JsonNode value = node.get(key);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw fail(entry, "'" + key + "' is missing or empty");
        }
        return value.asText().trim();
    }

    JsonNode array(JsonNode node, String key, String entry, boolean required) {
        JsonNode value = node.get(key);
        if (value == null) {
            if (required) {
                throw fail(entry, "'" + key + "' is missing");
            }
            return MAPPER.createArrayNode();
        }
        if (!value.isArray()) {
            throw fail(entry, "'" + key + "' must be a list");
        }
        if (required && value.isEmpty()) {
            throw fail(entry, "'" + key + "' must not be empty");
        }
        return value;
    }

    List<String> strings(JsonNode node, String key, String entry, boolean required) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : array(node, key, entry, required)) {
            if (!item.isValueNode() || item.asText().isBlank()) {
                throw fail(entry, "'" + key + "' holds an empty or non-text item");
            }
            out.add(item.asText().trim());
        }
        return out;
    }

    double number(JsonNode node, String key, String entry, double fallback) {
        JsonNode value = node.get(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw fail(entry, "'" + key + "' must be a number, got '" + value.asText() + "'");
        }
        return value.asDouble();
    }
}
