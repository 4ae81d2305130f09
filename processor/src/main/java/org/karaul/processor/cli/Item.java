package org.karaul.processor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.karaul.processor.classify.Document;

/**
 * One input line: the document to classify and, in a labelled set, its gold labels.
 *
 * @param document the item's id, title, text and language
 * @param gold     the {@code gold} object, or null when the line has none
 */
public record Item(Document document, JsonNode gold) {

    static Item of(JsonNode node, int line) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("line " + line + ": expected a JSON object");
        }
        String id = node.hasNonNull("id") ? node.get("id").asText() : "line-" + line;
        Document doc = new Document(id, text(node, "title"), text(node, "text"), text(node, "lang"));
        JsonNode gold = node.get("gold");
        return new Item(doc, gold != null && gold.isObject() ? gold : null);
    }

    private static String text(JsonNode node, String key) {
        return node.hasNonNull(key) ? node.get(key).asText() : null;
    }
}
