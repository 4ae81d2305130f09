package org.karaul.export.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a STIX 2.1 bundle against the specification: the OASIS JSON schemas (vendored under
 * {@code stix2-json-schemas/}, validated as JSON Schema 2020-12), {@code common/bundle.json} for the envelope and
 * each object's own schema by its type, plus the rules the schemas do not express: ids {@code <type>--<uuid>} whose prefix is the object's type
 * and that occur once; every {@code *_ref} and {@code *_refs} target present in the bundle; timestamps RFC 3339 in
 * UTC with millisecond precision; {@code modified >= created}; a relationship's {@code stop_time} after its
 * {@code start_time}; {@code first_seen <= last_seen}.
 */
public final class StixValidator {
    private static final String ID_PREFIX = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
    private static final String LOCAL = "classpath:stix2-json-schemas/schemas/";
    private static final Pattern ID = Pattern.compile(
            "^([a-z][a-z0-9-]+[a-z0-9])--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    private static final Pattern MILLIS = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$");
    private static final Set<String> TIMESTAMPS = Set.of("created", "modified", "published", "start_time", "stop_time",
            "first_seen", "last_seen", "valid_from", "valid_until");
    private static final Map<String, String> SCHEMA_OF_TYPE = Map.of(
            "report", "sdos/report.json", "location", "sdos/location.json", "intrusion-set", "sdos/intrusion-set.json",
            "threat-actor", "sdos/threat-actor.json", "identity", "sdos/identity.json", "note", "sdos/note.json",
            "indicator", "sdos/indicator.json", "relationship", "sros/relationship.json");

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(ID_PREFIX, LOCAL)));
    private final JsonSchema bundleSchema = factory.getSchema(SchemaLocation.of(ID_PREFIX + "common/bundle.json"));
    private final Map<String, JsonSchema> bySchema = new HashMap<>();

    /** Every violation found, each naming the object; empty when the bundle is valid. */
    public List<String> validate(String json) {
        try {
            return validate(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> validate(JsonNode bundle) {
        List<String> errors = new ArrayList<>();
        JsonNode envelope = bundle.deepCopy();
        if (envelope.isObject()) {
            ((ObjectNode) envelope).remove("objects");
        }
        for (ValidationMessage m : bundleSchema.validate(envelope)) {
            errors.add("bundle schema: " + m.getMessage());
        }
        if (bundle.has("objects") && (!bundle.get("objects").isArray() || bundle.get("objects").isEmpty())) {
            errors.add("bundle: objects is not a non-empty list");
        }
        if (!bundle.path("type").asText().equals("bundle")) {
            errors.add("not a bundle: type " + bundle.path("type"));
        }
        checkId(bundle, errors);
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode o : bundle.path("objects")) {
            String id = o.path("id").asText();
            if (byId.put(id, o) != null) {
                errors.add(id + ": id occurs more than once");
            }
        }
        for (JsonNode o : bundle.path("objects")) {
            String id = o.path("id").asText();
            String schema = SCHEMA_OF_TYPE.get(o.path("type").asText());
            if (schema == null) {
                errors.add(id + ": type " + o.path("type") + " is not one this validator knows");
            } else {
                for (ValidationMessage m : bySchema.computeIfAbsent(schema, s -> factory.getSchema(SchemaLocation.of(ID_PREFIX + s)))
                        .validate(o)) {
                    errors.add(id + ": " + m.getMessage());
                }
            }
            checkId(o, errors);
            checkRefs(o, byId, errors);
            checkTimes(o, errors);
        }
        return errors;
    }

    private static void checkId(JsonNode o, List<String> errors) {
        String id = o.path("id").asText();
        var m = ID.matcher(id);
        if (!m.matches()) {
            errors.add(id + ": id is not <type>--<lower-case RFC 4122 uuid>");
        } else if (!m.group(1).equals(o.path("type").asText())) {
            errors.add(id + ": id prefix is not the type " + o.path("type").asText());
        }
    }

    private static void checkRefs(JsonNode o, Map<String, JsonNode> byId, List<String> errors) {
        String id = o.path("id").asText();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().endsWith("_ref")) {
                requirePresent(id, f.getKey(), f.getValue().asText(), byId, errors);
            } else if (f.getKey().endsWith("_refs")) {
                if (!f.getValue().isArray() || f.getValue().isEmpty()) {
                    errors.add(id + ": " + f.getKey() + " is not a non-empty list");
                }
                f.getValue().forEach(v -> requirePresent(id, f.getKey(), v.asText(), byId, errors));
            }
        }
    }

    private static void requirePresent(String id, String property, String target, Map<String, JsonNode> byId,
                                       List<String> errors) {
        if (!byId.containsKey(target)) {
            errors.add(id + ": " + property + " " + target + " is not in the bundle");
        }
    }

    private static void checkTimes(JsonNode o, List<String> errors) {
        String id = o.path("id").asText();
        Map<String, Instant> t = new HashMap<>();
        for (String key : TIMESTAMPS) {
            if (o.has(key)) {
                String v = o.get(key).asText();
                if (!MILLIS.matcher(v).matches()) {
                    errors.add(id + ": " + key + " " + v + " is not RFC 3339 UTC with milliseconds");
                    continue;
                }
                t.put(key, Instant.parse(v));
            }
        }
        before(id, t, "created", "modified", false, errors);
        before(id, t, "start_time", "stop_time", true, errors);
        before(id, t, "first_seen", "last_seen", false, errors);
    }

    private static void before(String id, Map<String, Instant> t, String early, String late, boolean strictly,
                               List<String> errors) {
        Instant a = t.get(early);
        Instant b = t.get(late);
        if (a != null && b != null && (strictly ? !b.isAfter(a) : b.isBefore(a))) {
            errors.add(id + ": " + late + " " + b + (strictly ? " is not after " : " is before ") + early + " " + a);
        }
    }
}
