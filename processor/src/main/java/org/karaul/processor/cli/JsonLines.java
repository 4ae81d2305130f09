package org.karaul.processor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.karaul.contract.CategoryLabel;
import org.karaul.contract.Evidence;
import org.karaul.contract.kafka.Json;
import org.karaul.processor.classify.Classification;

/** Reading items from JSONL and writing classifications in the contract's JSON. */
public final class JsonLines {
    private static final ObjectMapper MAPPER = Json.mapper();

    private JsonLines() {
    }

    public static List<Item> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    static List<Item> read(InputStream in) throws IOException {
        List<Item> items = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                throw new IOException("line " + n + ": not valid JSON: " + e.getOriginalMessage(), e);
            }
            items.add(Item.of(node, n));
        }
        return items;
    }

    /** The contract's output object; severity is {@code none} when not relevant. */
    static ObjectNode toJson(String id, Classification c) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("id", id);
        out.put("relevant", c.relevant());
        out.put("severity", c.severity() == null ? "none" : c.severity().id());
        ArrayNode cats = out.putArray("categories");
        for (CategoryLabel label : c.categories()) {
            ObjectNode cat = cats.addObject();
            cat.put("id", label.id());
            cat.put("severity", label.severity().id());
            cat.put("score", label.score());
            ArrayNode ev = cat.putArray("evidence");
            for (Evidence e : label.evidence()) {
                ev.addObject().put("field", e.field()).put("start", e.start()).put("end", e.end()).put("term", e.term());
            }
        }
        c.countries().forEach(out.putArray("countries")::add);
        c.groups().forEach(out.putArray("groups")::add);
        out.put("taxonomyVersion", c.taxonomyVersion());
        return out;
    }

    static String line(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
