package org.karaul.alerts.develop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.karaul.config.ConfigException;
import org.karaul.config.Settings;

/**
 * How items are grouped into developments, read from a YAML rules file (bundled: {@code develop/grouping.yaml}).
 *
 * @param window            an item joins a development only if its time is this close to the development's span
 * @param quiet             a development with no new item for this long (event time or wall clock) is closed
 * @param threshold         text similarity plus agreement bonuses an item needs to join a development
 * @param minTextSimilarity text similarity below which an item never joins, whatever else agrees
 * @param groupBonus        added when the item and the development name a common group
 * @param categoryBonus     added when they share a category id exactly (not just its family)
 * @param familyMinTextSimilarity text similarity needed when the item shares only a category family, no exact id
 * @param closeInTime       an item this close to the development's latest item gets {@code timeBonus}
 * @param timeBonus         added for an item close in time
 * @param owners            source id to owner; outlets of one owner count once as independent sources
 * @param equivalents       word stem to canonical stem, so that Russian and English words for one thing match
 * @param spikes            when new-story counts per category and country make a spike
 */
public record GroupingRules(Duration window, Duration quiet, double threshold, double minTextSimilarity,
                            double groupBonus, double categoryBonus, double familyMinTextSimilarity,
                            Duration closeInTime, double timeBonus, Map<String, String> owners,
                            Map<String, String> equivalents, SpikeRules spikes) {
    public static final String BUNDLED = "develop/grouping.yaml";

    public GroupingRules {
        owners = Map.copyOf(owners);
        equivalents = Map.copyOf(equivalents);
    }

    /** The owner a source counts under when independent sources are counted. */
    public String ownerOf(String sourceId) {
        return owners.getOrDefault(sourceId, sourceId);
    }

    /** Loads the rules from {@code path}, or the bundled ones when it is null; a bad file stops start-up. */
    public static GroupingRules load(Path path) {
        String origin = path == null ? "classpath:" + BUNDLED : path.toString();
        try (InputStream in = path == null ? GroupingRules.class.getClassLoader().getResourceAsStream(BUNDLED)
                : Files.newInputStream(path)) {
            if (in == null) {
                throw new ConfigException("grouping rules", origin, "not found");
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in), origin);
        } catch (IOException e) {
            throw new ConfigException("grouping rules", origin, "cannot read: " + e.getMessage());
        }
    }

    static GroupingRules parse(JsonNode root, String origin) {
        Map<String, String> owners = new HashMap<>();
        JsonNode ownersNode = root.path("owners");
        for (Iterator<Map.Entry<String, JsonNode>> it = ownersNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> owner = it.next();
            for (JsonNode source : owner.getValue()) {
                owners.put(source.asText(), owner.getKey());
            }
        }
        Map<String, String> equivalents = new HashMap<>();
        root.path("equivalents").fields().forEachRemaining(e -> {
            String canonical = stem(e.getKey());
            for (JsonNode word : e.getValue()) {
                equivalents.put(stem(word.asText()), canonical);
            }
        });
        return new GroupingRules(
                Settings.parseDuration("window", text(root, "window", origin), origin),
                Settings.parseDuration("quiet", text(root, "quiet", origin), origin),
                fraction(root, "threshold", origin), fraction(root, "minTextSimilarity", origin),
                fraction(root, "groupBonus", origin), fraction(root, "categoryBonus", origin),
                fraction(root, "familyMinTextSimilarity", origin),
                Settings.parseDuration("closeInTime", text(root, "closeInTime", origin), origin),
                fraction(root, "timeBonus", origin), owners, equivalents,
                spikes(root.path("spikes"), origin));
    }

    private static SpikeRules spikes(JsonNode s, String origin) {
        return new SpikeRules(Settings.parseDuration("spikes.window", text(s, "window", origin), origin),
                whole(s, "baseline", 1, origin), whole(s, "minBaseline", 1, origin), whole(s, "minCount", 1, origin),
                positive(s, "ratio", origin), positive(s, "zScore", origin));
    }

    private static int whole(JsonNode root, String key, int min, String origin) {
        JsonNode n = root.get(key);
        if (n == null || !n.canConvertToInt() || n.asInt() < min) {
            throw new ConfigException("spikes." + key, origin, "must be a whole number >= " + min + ", was " + n);
        }
        return n.asInt();
    }

    private static double positive(JsonNode root, String key, String origin) {
        JsonNode n = root.get(key);
        if (n == null || !n.isNumber() || n.asDouble() <= 0) {
            throw new ConfigException("spikes." + key, origin, "must be a positive number, was " + n);
        }
        return n.asDouble();
    }

    private static String stem(String word) {
        return Fingerprint.tokens(word, Map.of()).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("equivalent '" + word + "' is too short or a stop word"));
    }

    private static String text(JsonNode root, String key, String origin) {
        JsonNode n = root.get(key);
        if (n == null || n.asText().isBlank()) {
            throw new ConfigException(key, origin, "missing");
        }
        return n.asText();
    }

    private static double fraction(JsonNode root, String key, String origin) {
        JsonNode n = root.get(key);
        if (n == null || !n.isNumber() || n.asDouble() < 0 || n.asDouble() > 1) {
            throw new ConfigException(key, origin, "must be a number between 0 and 1, was " + n);
        }
        return n.asDouble();
    }
}
