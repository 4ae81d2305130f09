package org.karaul.processor.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.karaul.contract.PlaceRef;
import org.karaul.processor.gazetteer.Gazetteer;
import org.karaul.processor.gazetteer.Group;
import org.karaul.processor.gazetteer.Place;
import org.karaul.processor.gazetteer.Site;
import org.karaul.processor.gazetteer.Sites;

/** Reads and validates the groups and places gazetteers. */
public final class GazetteerReader {
    private static final YAMLMapper MAPPER = new YAMLMapper();
    private static final Pattern ISO2 = Pattern.compile("[A-Z]{2}");
    private static final Pattern GROUP_ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> KINDS = Set.of("country", "place", "border", "institution");
    private static final Set<String> SITE_KINDS = Set.of("town", "region", "district");
    public static final int MAX_ALIASES = 1_000;
    private final String groupsFile;
    private final String placesFile;

    public GazetteerReader(String groupsFile, String placesFile) {
        this.groupsFile = groupsFile;
        this.placesFile = placesFile;
    }

    public Gazetteer read(InputStream groups, InputStream places) {
        return read(groups, places, name -> {
            throw new TaxonomyException(placesFile, "generated", "'" + name + "' cannot be opened here");
        });
    }

    /**
     * Reads the gazetteers; {@code open} opens the generated places file that {@code places.yaml} may name
     * under {@code generated:} (its entries are appended to the hand-written ones, which come first).
     */
    public Gazetteer read(InputStream groups, InputStream places, Function<String, InputStream> open) {
        JsonNode g = parse(groupsFile, groups);
        JsonNode p = parse(placesFile, places);
        List<Place> all = places(placesFile, p);
        List<Site> sites = sites(placesFile, p);
        if (p.has("generated")) {
            String file = text(placesFile, p, "generated", "generated");
            JsonNode generated = parse(file, open.apply(file));
            all.addAll(places(file, generated));
            sites.addAll(sites(file, generated));
        }
        return new Gazetteer(groups(g), all, region(p), notPlaces(p), homeCountries(p), new Sites(sites), authorityCues(g));
    }

    private static JsonNode parse(String file, InputStream in) {
        try (in) {
            JsonNode root = MAPPER.readTree(in);
            if (root == null || !root.isObject()) {
                throw new TaxonomyException(file, "(file)", "expected a mapping at the top level");
            }
            return root;
        } catch (IOException e) {
            throw new TaxonomyException(file, "(file)", "not valid YAML: " + e.getMessage(), e);
        }
    }

    private List<Group> groups(JsonNode root) {
        List<Group> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode node : list(groupsFile, root, "groups")) {
            String entry = "groups[" + out.size() + "]";
            String id = text(groupsFile, node, "id", entry);
            entry = "group " + id;
            if (!GROUP_ID.matcher(id).matches()) {
                throw new TaxonomyException(groupsFile, entry, "id must be lower-case letters, digits and '_'");
            }
            if (!ids.add(id)) {
                throw new TaxonomyException(groupsFile, entry, "defined twice");
            }
            String name = node.has("name") ? node.get("name").asText() : id;
            String partOf = node.has("part_of") ? text(groupsFile, node, "part_of", entry) : null;
            JsonNode authority = node.get("authority");
            if (authority != null && !authority.isBoolean()) {
                throw new TaxonomyException(groupsFile, entry, "'authority' must be true or false");
            }
            String home = node.has("home") ? text(groupsFile, node, "home", entry) : null;
            if (home != null && !ISO2.matcher(home).matches()) {
                throw new TaxonomyException(groupsFile, entry, "home '" + home + "' is not an ISO alpha-2 code (two upper-case letters)");
            }
            out.add(new Group(id, name, strings(groupsFile, node, "aliases", entry), partOf, authority != null && authority.asBoolean(),
                    home));
        }
        for (Group group : out) {
            if (group.partOf() != null && (!ids.contains(group.partOf()) || group.partOf().equals(group.id()))) {
                throw new TaxonomyException(groupsFile, "group " + group.id(), "part_of names no other group: '" + group.partOf() + "'");
            }
        }
        return out;
    }

    private static List<Place> places(String file, JsonNode root) {
        List<Place> out = new ArrayList<>();
        for (JsonNode node : list(file, root, "places")) {
            String name = text(file, node, "name", "places[" + out.size() + "]");
            String entry = "place " + name;
            List<String> countries = strings(file, node, "countries", entry);
            for (String c : countries) {
                if (!ISO2.matcher(c).matches()) {
                    throw new TaxonomyException(file, entry, "'" + c + "' is not an ISO alpha-2 code (two upper-case letters)");
                }
            }
            String kind = node.has("kind") ? node.get("kind").asText() : "place";
            if (!KINDS.contains(kind)) {
                throw new TaxonomyException(file, entry, "kind must be one of " + KINDS + ", got '" + kind + "'");
            }
            JsonNode capitalised = node.get("capitalised");
            if (capitalised != null && !capitalised.isBoolean()) {
                throw new TaxonomyException(file, entry, "'capitalised' must be true or false");
            }
            List<String> aliases = strings(file, node, "aliases", entry);
            if (aliases.size() > MAX_ALIASES) {
                throw new TaxonomyException(file, entry, aliases.size() + " aliases, more than " + MAX_ALIASES
                        + ": split the entry (each entry is one query in the Lucene Monitor engine, limited to 1,024 clauses)");
            }
            String lang = node.has("lang") ? node.get("lang").asText() : "any";
            if (!lang.equals("any") && !lang.equals(Matcher.LOCAL) && !Matcher.LANGUAGES.contains(lang)) {
                throw new TaxonomyException(file, entry, "lang must be any, local or one of " + Matcher.LANGUAGES + ", got '" + lang + "'");
            }
            out.add(new Place(name, countries, kind, aliases, capitalised != null && capitalised.asBoolean(), lang));
        }
        return out;
    }

    /**
     * {@code sites: [{id: "geonames:1527534", name: Osh, country: KG, kind: town, at: [40.53, 72.80], names: [...]}]}:
     * optional; where the places' towns, regions and districts lie.
     */
    private static List<Site> sites(String file, JsonNode root) {
        List<Site> out = new ArrayList<>();
        JsonNode list = root.get("sites");
        if (list == null) {
            return out;
        }
        if (!list.isArray()) {
            throw new TaxonomyException(file, "sites", "expected a list");
        }
        for (JsonNode node : list) {
            String id = text(file, node, "id", "sites[" + out.size() + "]");
            String entry = "site " + id;
            String country = text(file, node, "country", entry);
            if (!ISO2.matcher(country).matches()) {
                throw new TaxonomyException(file, entry, "'" + country + "' is not an ISO alpha-2 code");
            }
            String kind = text(file, node, "kind", entry);
            if (!SITE_KINDS.contains(kind)) {
                throw new TaxonomyException(file, entry, "kind must be one of " + SITE_KINDS + ", got '" + kind + "'");
            }
            JsonNode at = node.get("at");
            if (at == null || !at.isArray() || at.size() != 2 || !at.get(0).isNumber() || !at.get(1).isNumber()
                    || Math.abs(at.get(0).asDouble()) > 90 || Math.abs(at.get(1).asDouble()) > 180) {
                throw new TaxonomyException(file, entry, "'at' must be [latitude, longitude] in degrees");
            }
            PlaceRef place = new PlaceRef(id, text(file, node, "name", entry), country, kind, at.get(0).asDouble(), at.get(1).asDouble());
            out.add(new Site(place, strings(file, node, "names", entry)));
        }
        return out;
    }

    private Set<String> region(JsonNode root) {
        Set<String> out = new LinkedHashSet<>(strings(placesFile, root, "region", "region"));
        for (String c : out) {
            if (!ISO2.matcher(c).matches()) {
                throw new TaxonomyException(placesFile, "region", "'" + c + "' is not an ISO alpha-2 code");
            }
        }
        return out;
    }

    /** {@code authority_cues: {reports: [...], background: [...], emblem: [...]}} in the groups file: optional. */
    private Map<String, List<String>> authorityCues(JsonNode root) {
        JsonNode node = root.get("authority_cues");
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new TaxonomyException(groupsFile, "authority_cues", "expected a mapping of reports and background to words");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (!Set.of(Gazetteer.REPORTS, Gazetteer.BACKGROUND, Gazetteer.EMBLEM, Gazetteer.PERPETRATOR).contains(e.getKey())) {
                throw new TaxonomyException(groupsFile, "authority_cues." + e.getKey(), "unknown key; expected "
                        + Gazetteer.REPORTS + ", " + Gazetteer.BACKGROUND + ", " + Gazetteer.EMBLEM + " or " + Gazetteer.PERPETRATOR);
            }
            out.put(e.getKey(), strings(groupsFile, node, e.getKey(), "authority_cues"));
        });
        return out;
    }

    /** {@code home_countries: {ky: KG, ...}}: optional. */
    private Map<String, String> homeCountries(JsonNode root) {
        JsonNode node = root.get("home_countries");
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new TaxonomyException(placesFile, "home_countries", "expected a mapping of language to an ISO alpha-2 code");
        }
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            String c = e.getValue().asText();
            if (!ISO2.matcher(c).matches()) {
                throw new TaxonomyException(placesFile, "home_countries." + e.getKey(), "'" + c + "' is not an ISO alpha-2 code");
            }
            out.put(e.getKey(), c);
        });
        return out;
    }

    /** {@code not_places: {ky: [караганда, каршы], ...}}: optional, lower-case words per document language. */
    private Map<String, List<String>> notPlaces(JsonNode root) {
        JsonNode node = root.get("not_places");
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new TaxonomyException(placesFile, "not_places", "expected a mapping of language to words");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            List<String> words = strings(placesFile, node, e.getKey(), "not_places");
            for (String w : words) {
                if (!w.equals(w.toLowerCase(Locale.ROOT))) {
                    throw new TaxonomyException(placesFile, "not_places." + e.getKey(), "'" + w + "' must be lower case");
                }
            }
            out.put(e.getKey(), words);
        });
        return out;
    }

    private static JsonNode list(String file, JsonNode root, String key) {
        JsonNode node = root.get(key);
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new TaxonomyException(file, key, "missing or empty list");
        }
        return node;
    }

    private static String text(String file, JsonNode node, String key, String entry) {
        JsonNode v = node.get(key);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw new TaxonomyException(file, entry, "'" + key + "' is missing or empty");
        }
        return v.asText().trim();
    }

    private static List<String> strings(String file, JsonNode node, String key, String entry) {
        JsonNode v = node.get(key);
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw new TaxonomyException(file, entry, "'" + key + "' must be a non-empty list");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isValueNode() || item.asText().isBlank()) {
                throw new TaxonomyException(file, entry, "'" + key + "' holds an empty item");
            }
            out.add(item.asText().trim());
        }
        return out;
    }
}
