package org.karaul.alerts.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.karaul.config.ConfigException;
import org.karaul.config.Settings;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.Development;
import org.karaul.contract.Severity;

/**
 * The alert rules file (bundled: {@code rules/alert-rules.yaml}): defaults, then overrides per category and per
 * country. A field an override leaves out keeps the value below it; the country override is applied last.
 */
public final class AlertRules {
    public static final String BUNDLED = "rules/alert-rules.yaml";

    private final JsonNode defaults;
    private final Map<String, JsonNode> categories;
    private final Map<String, JsonNode> countries;
    private final String origin;

    private AlertRules(JsonNode defaults, Map<String, JsonNode> categories, Map<String, JsonNode> countries, String origin) {
        this.defaults = defaults;
        this.categories = categories;
        this.countries = countries;
        this.origin = origin;
    }

    /** Loads and checks the rules from {@code path}, or the bundled ones when it is null; a bad file stops start-up. */
    public static AlertRules load(Path path) {
        String origin = path == null ? "classpath:" + BUNDLED : path.toString();
        try (InputStream in = path == null ? AlertRules.class.getClassLoader().getResourceAsStream(BUNDLED)
                : Files.newInputStream(path)) {
            if (in == null) {
                throw new ConfigException("alert rules", origin, "not found");
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in), origin);
        } catch (IOException e) {
            throw new ConfigException("alert rules", origin, "cannot read: " + e.getMessage());
        }
    }

    static AlertRules parse(JsonNode root, String origin) {
        JsonNode defaults = root.path("defaults");
        for (String key : List.of("minSeverity", "cooldown", "realertOnEscalation")) {
            if (defaults.path(key).isMissingNode()) {
                throw new ConfigException("defaults." + key, origin, "missing");
            }
        }
        Map<String, JsonNode> categories = new HashMap<>();
        root.path("categories").fields().forEachRemaining(e -> categories.put(e.getKey(), e.getValue()));
        Map<String, JsonNode> countries = new HashMap<>();
        root.path("countries").fields().forEachRemaining(e -> countries.put(e.getKey(), e.getValue()));
        AlertRules rules = new AlertRules(defaults, categories, countries, origin);
        rules.resolve(null, null);
        categories.keySet().forEach(c -> rules.resolve(c, null));
        countries.keySet().forEach(cc -> rules.resolve(null, cc));
        return rules;
    }

    /** The rule for a category and a country (either may be null). */
    public AlertRule resolve(String category, String country) {
        List<JsonNode> layers = new ArrayList<>(List.of(defaults));
        List<String> id = new ArrayList<>();
        if (category != null && categories.containsKey(category)) {
            layers.add(categories.get(category));
            id.add("category:" + category);
        }
        if (country != null && countries.containsKey(country)) {
            layers.add(countries.get(country));
            id.add("country:" + country);
        }
        String ruleId = id.isEmpty() ? "default" : String.join("+", id);
        return new AlertRule(ruleId, Severity.of(last(layers, "minSeverity").asText()), corroboration(layers),
                grades(last(layers, "trustedGrades")),
                Settings.parseDuration(ruleId + ".cooldown", last(layers, "cooldown").asText(), origin),
                last(layers, "realertOnEscalation").asBoolean());
    }

    /**
     * The first rule a development passes, trying each of its categories (at that category's severity) with its
     * leading country; empty when none passes.
     */
    public Optional<AlertRule> match(Development d) {
        String country = d.countries().isEmpty() ? null : d.countries().get(0);
        for (String category : d.categories()) {
            AlertRule rule = resolve(category, country);
            if (rule.passes(severityOf(d, category), d.independentSources(), d.sources())) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    private static Severity severityOf(Development d, String category) {
        return d.evidence().stream().filter(l -> l.id().equals(category)).map(CategoryLabel::severity)
                .filter(s -> s != null).findFirst().orElse(d.severity());
    }

    private static JsonNode last(List<JsonNode> layers, String key) {
        JsonNode found = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        for (JsonNode layer : layers) {
            if (layer.has(key)) {
                found = layer.get(key);
            }
        }
        return found;
    }

    /** Corroboration merged per severity: an override names only the severities it changes. */
    private Map<Severity, Integer> corroboration(List<JsonNode> layers) {
        Map<Severity, Integer> out = new EnumMap<>(Severity.class);
        layers.forEach(layer -> layer.path("corroboration").fields().forEachRemaining(e -> {
            if (!e.getValue().canConvertToInt() || e.getValue().asInt() < 1) {
                throw new ConfigException("corroboration." + e.getKey(), origin, "must be a whole number >= 1");
            }
            out.put(Severity.of(e.getKey()), e.getValue().asInt());
        }));
        return out;
    }

    private static Set<String> grades(JsonNode node) {
        Set<String> out = new HashSet<>();
        node.forEach(g -> out.add(g.asText().trim().toUpperCase(java.util.Locale.ROOT)));
        return out;
    }
}
