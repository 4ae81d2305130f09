package org.karaul.export.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Group names and aliases read from the taxonomy's {@code groups.yaml} ({@code groups: [{id, name, aliases}]}).
 * The classifier's match markers are dropped ({@code "=IS"} is the alias {@code IS}). A group the catalog does
 * not know is exported under its id, without aliases.
 */
public final class GroupCatalog {
    /** Where the processor's jar keeps the deployed taxonomy's groups. */
    public static final String CLASSPATH_RESOURCE = "taxonomy/groups.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, Group> groups;

    private GroupCatalog(Map<String, Group> groups) {
        this.groups = groups;
    }

    /** A catalog that knows no group. */
    public static GroupCatalog empty() {
        return new GroupCatalog(Map.of());
    }

    /** The deployed taxonomy's groups from the classpath, or an empty catalog when the resource is absent. */
    public static GroupCatalog fromClasspath() {
        try (InputStream in = GroupCatalog.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
            return in == null ? empty() : parse(YAML.readTree(in), "classpath:" + CLASSPATH_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + CLASSPATH_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The groups of a {@code groups.yaml} file, or of {@code DIR/groups.yaml} when given a taxonomy directory. */
    public static GroupCatalog fromFile(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve("groups.yaml") : path;
        try (InputStream in = Files.newInputStream(file)) {
            return parse(YAML.readTree(in), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read groups file " + file + ": " + e.getMessage(), e);
        }
    }

    static GroupCatalog parse(JsonNode root, String origin) {
        JsonNode list = root == null ? null : root.get("groups");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(origin + ": expected a top-level 'groups' list");
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        for (JsonNode g : list) {
            String id = g.path("id").asText("").trim();
            if (id.isEmpty()) {
                throw new IllegalArgumentException(origin + ": a group has no id: " + g);
            }
            String name = g.path("name").asText(id).trim();
            Set<String> seen = new LinkedHashSet<>();
            seen.add(name.toLowerCase(Locale.ROOT));
            List<String> aliases = new ArrayList<>();
            for (JsonNode a : g.path("aliases")) {
                String alias = a.asText("").trim();
                alias = alias.startsWith("=") ? alias.substring(1).trim() : alias;
                if (!alias.isEmpty() && seen.add(alias.toLowerCase(Locale.ROOT))) {
                    aliases.add(alias);
                }
            }
            groups.put(id, new Group(id, name.isEmpty() ? id : name, aliases));
        }
        return new GroupCatalog(Map.copyOf(groups));
    }

    /** The group with this id; an unknown id gives a group named by its id, without aliases. */
    public Group group(String id) {
        Group g = groups.get(id);
        return g != null ? g : new Group(id, id, List.of());
    }

    public int size() {
        return groups.size();
    }
}
