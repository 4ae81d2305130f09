package org.karaul.ingest.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.karaul.contract.kafka.Json;

import java.io.PrintWriter;
import java.util.zip.GZIPInputStream;

/** Shared bits of the file commands: one JSON object per line, errors as one-line objects. */
final class JsonLines {
    static final ObjectMapper MAPPER = Json.mapper();

    private JsonLines() {
    }

    static void print(PrintWriter out, Object value) {
        try {
            out.println(MAPPER.writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static ObjectNode error(String file, Throwable t) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("file", file);
        String msg = t.getMessage() == null ? t.getClass().getSimpleName()
                : t instanceof org.karaul.ingest.feed.FeedParseException ? t.getMessage()
                : t.getClass().getSimpleName() + ": " + t.getMessage();
        n.put("error", msg.replaceAll("\\s+", " ").trim());
        return n;
    }

    /** The file's bytes, gunzipped when its name ends in .gz. */
    static byte[] read(java.nio.file.Path file) throws java.io.IOException {
        byte[] raw = java.nio.file.Files.readAllBytes(file);
        if (!file.getFileName().toString().endsWith(".gz")) {
            return raw;
        }
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        }
    }
}
