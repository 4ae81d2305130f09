package org.karaul.processor.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.karaul.contract.Severity;
import org.karaul.processor.gazetteer.Gazetteer;

/**
 * Loads {@code threat-taxonomy.yaml} and the gazetteers it names, from the classpath
 * ({@code /taxonomy/}) or a directory, and validates them. Any mistake stops the load with a
 * {@link TaxonomyException} naming the file, the entry and the problem.
 */
public final class TaxonomyLoader {
    public static final String TAXONOMY_FILE = "threat-taxonomy.yaml";
    private static final String CLASSPATH_DIR = "/taxonomy/";
    private static final Set<String> TOP_KEYS = Set.of("version", "gazetteers", "lexicons", "contexts", "cues", "categories");
    private static final Set<String> CATEGORY_KEYS = Set.of(
            "id", "description", "severity", "escalates", "threshold", "signals", "requires", "exclude", "suppressed_by", "yields_to");

    private final Source source;

    private TaxonomyLoader(Source source) {
        this.source = source;
    }

    /** The taxonomy bundled with the processor. */
    public static Taxonomy bundled() {
        return new TaxonomyLoader(name -> TaxonomyLoader.class.getResourceAsStream(CLASSPATH_DIR + name)).load();
    }

    /** A taxonomy directory holding {@code threat-taxonomy.yaml} and its gazetteers. */
    public static Taxonomy fromDirectory(Path dir) {
        return new TaxonomyLoader(name -> {
            try {
                return Files.newInputStream(dir.resolve(name));
            } catch (NoSuchFileException e) {
                return null;
            }
        }).load();
    }

    private Taxonomy load() {
        Yaml yaml = new Yaml(TAXONOMY_FILE);
        JsonNode root = yaml.parse(open(TAXONOMY_FILE));
        yaml.onlyKeys(root, "(top level)", TOP_KEYS);
        String version = yaml.text(root, "version", "version");
        JsonNode gaz = root.get("gazetteers");
        if (gaz == null || !gaz.isObject()) {
            throw yaml.fail("gazetteers", "missing; expected {groups: FILE, places: FILE}");
        }
        String groupsFile = yaml.text(gaz, "groups", "gazetteers");
        String placesFile = yaml.text(gaz, "places", "gazetteers");
        Gazetteer gazetteer = new GazetteerReader(groupsFile, placesFile)
                .read(open(groupsFile), open(placesFile), this::open);
        Lexicons lexicons = Lexicons.none();
        if (root.has("lexicons")) {
            String lexiconFile = yaml.text(root, "lexicons", "lexicons");
            lexicons = Lexicons.read(lexiconFile, open(lexiconFile));
        }
        MatcherReader matchers = new MatcherReader(yaml, lexicons);
        Map<String, List<Matcher>> contexts = namedSets(yaml, matchers, root, "contexts", List.of());
        Map<String, List<Matcher>> cues = namedSets(yaml, matchers, root, "cues", Taxonomy.CUES);
        gazetteer.authorityCues().forEach((key, words) -> {
            String name = Taxonomy.AUTHORITY_CUE_PREFIX + key;
            if (cues.containsKey(name)) {
                throw yaml.fail("cues." + name, "is defined by " + groupsFile + " (authority_cues." + key + "); remove it here");
            }
            cues.put(name, List.of(new Matcher(words, List.of(), 0, "any")));
        });
        List<CategoryRule> categories = categories(yaml, matchers, root, contexts.keySet());
        return new Taxonomy(version, contexts, categories, cues, gazetteer);
    }

    private InputStream open(String name) {
        try {
            InputStream in = source.open(name);
            if (in == null) {
                throw new TaxonomyException(name, "(file)", "not found");
            }
            return in;
        } catch (IOException e) {
            throw new TaxonomyException(name, "(file)", "cannot be read: " + e.getMessage(), e);
        }
    }

    private static Map<String, List<Matcher>> namedSets(
            Yaml yaml, MatcherReader reader, JsonNode root, String key, List<String> required) {
        JsonNode node = root.get(key);
        if (node == null || !node.isObject()) {
            throw yaml.fail(key, "missing; expected a mapping of name to a list of matchers");
        }
        Map<String, List<Matcher>> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            String entry = key + "." + e.getKey();
            if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                throw yaml.fail(entry, "must be a non-empty list of matchers");
            }
            out.put(e.getKey(), reader.matchers(e.getValue(), entry));
        });
        for (String name : required) {
            if (!out.containsKey(name)) {
                throw yaml.fail(key, "'" + name + "' is missing; required: " + required);
            }
        }
        return out;
    }

    private static List<CategoryRule> categories(
            Yaml yaml, MatcherReader reader, JsonNode root, Set<String> contexts) {
        JsonNode list = yaml.array(root, "categories", "categories", true);
        List<CategoryRule> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode node : list) {
            String entry = "categories[" + out.size() + "]";
            if (!node.isObject()) {
                throw yaml.fail(entry, "expected a mapping");
            }
            String id = yaml.text(node, "id", entry);
            entry = "category " + id;
            CategoryRule rule = category(yaml, reader, node, id, entry, contexts);
            if (!ContractIds.CATEGORIES.contains(id)) {
                throw yaml.fail(entry, "not a contract category id; expected one of " + ContractIds.CATEGORIES);
            }
            if (!seen.add(id)) {
                throw yaml.fail(entry, "defined twice");
            }
            out.add(rule);
        }
        for (String id : ContractIds.CATEGORIES) {
            if (!seen.contains(id)) {
                throw yaml.fail("categories", "contract category '" + id + "' is not defined");
            }
        }
        for (CategoryRule rule : out) {
            for (String other : rule.suppressedBy()) {
                if (!seen.contains(other)) {
                    throw yaml.fail("category " + rule.id(), "suppressed_by names unknown category '" + other + "'");
                }
            }
            for (String other : rule.yieldsTo()) {
                if (!seen.contains(other) || other.equals(rule.id())) {
                    throw yaml.fail("category " + rule.id(), "yields_to names unknown category or itself '" + other + "'");
                }
            }
        }
        return out;
    }

    private static CategoryRule category(
            Yaml yaml, MatcherReader reader, JsonNode node, String id, String entry, Set<String> contexts) {
        yaml.onlyKeys(node, entry, CATEGORY_KEYS);
        Severity severity;
        try {
            severity = Severity.of(yaml.text(node, "severity", entry));
        } catch (IllegalArgumentException e) {
            throw yaml.fail(entry, e.getMessage());
        }
        double threshold = yaml.number(node, "threshold", entry, 1.0);
        if (threshold <= 0) {
            throw yaml.fail(entry, "'threshold' must be above 0, got " + threshold);
        }
        List<Signal> signals = reader.signals(yaml.array(node, "signals", entry, true), entry + ".signals");
        List<List<String>> requires = requires(yaml, node, entry, contexts);
        List<Matcher> exclude = reader.matchers(yaml.array(node, "exclude", entry, false), entry + ".exclude");
        List<String> suppressedBy = yaml.strings(node, "suppressed_by", entry, false);
        List<String> yieldsTo = yaml.strings(node, "yields_to", entry, false);
        boolean escalates = !node.has("escalates") || node.get("escalates").asBoolean(true);
        return new CategoryRule(id, severity, escalates, threshold, signals, requires, exclude, suppressedBy, yieldsTo);
    }

    /** {@code requires}: a list whose items (a context name, or a list of names of which one suffices) must all hold. */
    private static List<List<String>> requires(Yaml yaml, JsonNode node, String entry, Set<String> contexts) {
        List<List<String>> out = new ArrayList<>();
        for (JsonNode item : yaml.array(node, "requires", entry, false)) {
            List<String> anyOf = new ArrayList<>();
            if (item.isArray()) {
                item.forEach(n -> anyOf.add(n.asText()));
            } else {
                anyOf.add(item.asText());
            }
            for (String ctx : anyOf) {
                if (!contexts.contains(ctx) && !Taxonomy.ANY_GROUP.equals(ctx)) {
                    throw yaml.fail(entry, "requires unknown context '" + ctx + "'; defined: " + contexts);
                }
            }
            out.add(anyOf);
        }
        return out;
    }

    @FunctionalInterface
    private interface Source {
        InputStream open(String name) throws IOException;
    }
}
