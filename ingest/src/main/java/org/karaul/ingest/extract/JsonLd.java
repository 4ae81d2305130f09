package org.karaul.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The article object of a page's JSON-LD (schema.org NewsArticle, Article, BlogPosting ...), if it has one. */
final class JsonLd {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonNode article;

    private JsonLd(JsonNode article) {
        this.article = article;
    }

    static JsonLd of(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                List<JsonNode> nodes = new ArrayList<>();
                flatten(MAPPER.readTree(script.data()), nodes);
                for (JsonNode n : nodes) {
                    if (n.path("@type").toString().matches("(?i).*(article|posting|report).*")) {
                        return new JsonLd(n);
                    }
                }
            } catch (Exception unreadable) {
                // pages often carry broken JSON-LD; the other sources of metadata remain
            }
        }
        return new JsonLd(null);
    }

    private static void flatten(JsonNode n, List<JsonNode> out) {
        if (n == null) {
            return;
        }
        if (n.isArray()) {
            n.forEach(c -> flatten(c, out));
        } else if (n.isObject()) {
            out.add(n);
            flatten(n.get("@graph"), out);
            flatten(n.get("mainEntity"), out);
        }
    }

    Optional<String> find(String field) {
        if (article == null) {
            return Optional.empty();
        }
        JsonNode v = article.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (v.isArray() && !v.isEmpty()) {
            v = v.get(0);
        }
        if (v.isObject()) {
            v = v.has("name") ? v.get("name") : v.get("@value");
        }
        return v == null || !v.isValueNode() || v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText().trim());
    }
}
