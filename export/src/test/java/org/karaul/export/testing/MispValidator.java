package org.karaul.export.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks MISP events against the MISP core format (draft-dulaunoy-misp-core-format): for the event, the fields it
 * says MUST be present that an export can know ({@code uuid}, {@code info}, {@code date}, {@code threat_level_id},
 * {@code analysis}, {@code published}, {@code timestamp}, {@code publish_timestamp}, {@code distribution},
 * {@code Orgc} with {@code uuid} and {@code name}) with their JSON types and value sets; for each attribute
 * {@code uuid}, {@code type}, {@code category}, {@code value}, {@code to_ids}, {@code distribution},
 * {@code timestamp}, {@code deleted}, and that the category–type pair is one the format allows; every tag's
 * {@code name}; each galaxy's {@code uuid}, {@code name}, {@code type} and its clusters' {@code uuid},
 * {@code type}, {@code value}, {@code tag_name}, each cluster tagged on the event. Instance-local ids
 * ({@code id}, {@code org_id}, {@code orgc_id}, {@code event_id}) are assigned by the receiving MISP and not checked.
 */
public final class MispValidator {
    private static final Pattern UUID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final Pattern DIGITS = Pattern.compile("^\\d+$");
    /** The categories the format allows for the attribute types an export of news may use. */
    private static final Map<String, Set<String>> CATEGORIES_OF_TYPE = Map.of(
            "link", Set.of("Antivirus detection", "External analysis", "Internal reference", "Payload delivery", "Support Tool"),
            "text", Set.of("Antivirus detection", "Artifacts dropped", "Attribution", "External analysis", "Financial fraud",
                    "Internal reference", "Network activity", "Other", "Payload delivery", "Payload installation",
                    "Payload type", "Persistence mechanism", "Person", "Social network", "Support Tool"),
            "comment", Set.of("Antivirus detection", "Artifacts dropped", "Attribution", "External analysis",
                    "Financial fraud", "Internal reference", "Network activity", "Other", "Payload delivery",
                    "Payload installation", "Payload type", "Persistence mechanism", "Person", "Social network",
                    "Support Tool", "Targeting data"));

    /** Every violation in a {@code {"response": [{"Event": ...}]}} list; empty when all events are valid. */
    public List<String> validateList(JsonNode root) {
        List<String> errors = new ArrayList<>();
        if (!root.path("response").isArray()) {
            errors.add("no 'response' list");
        }
        for (JsonNode wrapper : root.path("response")) {
            errors.addAll(validate(wrapper));
        }
        return errors;
    }

    /** Every violation in one {@code {"Event": ...}}. */
    public List<String> validate(JsonNode wrapper) {
        List<String> errors = new ArrayList<>();
        JsonNode e = wrapper.path("Event");
        if (!e.isObject()) {
            errors.add("no 'Event' object");
            return errors;
        }
        String where = "event " + e.path("uuid").asText("?");
        string(e, "uuid", UUID, where, errors);
        string(e, "info", null, where, errors);
        if (e.path("info").asText().length() > 256 || e.path("info").asText().contains("\n")) {
            errors.add(where + ": info is longer than 256 characters or has a new line");
        }
        string(e, "date", DATE, where, errors);
        string(e, "threat_level_id", Pattern.compile("^[1-4]$"), where, errors);
        string(e, "analysis", Pattern.compile("^[0-2]$"), where, errors);
        bool(e, "published", where, errors);
        string(e, "timestamp", DIGITS, where, errors);
        string(e, "publish_timestamp", DIGITS, where, errors);
        string(e, "distribution", Pattern.compile("^[0-4]$"), where, errors);
        string(e.path("Orgc"), "uuid", UUID, where + " Orgc", errors);
        string(e.path("Orgc"), "name", null, where + " Orgc", errors);
        Set<String> uuids = new HashSet<>();
        for (JsonNode a : e.path("Attribute")) {
            String at = where + " attribute " + a.path("uuid").asText("?");
            string(a, "uuid", UUID, at, errors);
            if (!uuids.add(a.path("uuid").asText())) {
                errors.add(at + ": uuid occurs more than once");
            }
            string(a, "type", null, at, errors);
            string(a, "category", null, at, errors);
            string(a, "value", null, at, errors);
            bool(a, "to_ids", at, errors);
            string(a, "distribution", Pattern.compile("^[0-5]$"), at, errors);
            string(a, "timestamp", DIGITS, at, errors);
            bool(a, "deleted", at, errors);
            Set<String> allowed = CATEGORIES_OF_TYPE.get(a.path("type").asText());
            if (allowed == null || !allowed.contains(a.path("category").asText())) {
                errors.add(at + ": category '" + a.path("category").asText() + "' is not allowed for type '"
                        + a.path("type").asText() + "'");
            }
        }
        if (e.has("attribute_count") && !e.path("attribute_count").asText().equals(Integer.toString(e.path("Attribute").size()))) {
            errors.add(where + ": attribute_count " + e.path("attribute_count") + " is not the number of attributes");
        }
        Set<String> tags = new HashSet<>();
        for (JsonNode t : e.path("Tag")) {
            string(t, "name", null, where + " tag", errors);
            tags.add(t.path("name").asText());
        }
        for (JsonNode g : e.path("Galaxy")) {
            String gw = where + " galaxy " + g.path("type").asText("?");
            string(g, "uuid", UUID, gw, errors);
            string(g, "name", null, gw, errors);
            string(g, "type", null, gw, errors);
            for (JsonNode c : g.path("GalaxyCluster")) {
                String cw = gw + " cluster " + c.path("value").asText("?");
                string(c, "uuid", UUID, cw, errors);
                string(c, "type", null, cw, errors);
                string(c, "value", null, cw, errors);
                string(c, "tag_name", null, cw, errors);
                if (!tags.contains(c.path("tag_name").asText())) {
                    errors.add(cw + ": its tag_name is not among the event's tags");
                }
            }
        }
        return errors;
    }

    private static void string(JsonNode o, String field, Pattern pattern, String where, List<String> errors) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            errors.add(where + ": " + field + " is missing or not a non-empty string");
        } else if (pattern != null && !pattern.matcher(v.asText()).matches()) {
            errors.add(where + ": " + field + " '" + v.asText() + "' does not match " + pattern);
        }
    }

    private static void bool(JsonNode o, String field, String where, List<String> errors) {
        JsonNode v = o.get(field);
        if (v == null || !v.isBoolean()) {
            errors.add(where + ": " + field + " is missing or not a boolean");
        }
    }
}
