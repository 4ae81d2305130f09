package org.karaul.alerts.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.karaul.contract.kafka.Json;

/**
 * How the alerts service's JSON endpoints read a request and say what is wrong with it: a body is a JSON object of at
 * most {@link #MAX_BODY} bytes sent as {@code application/json}, and a refusal is
 * {@code {"error": "...", "field": "..."}} naming the field.
 */
public final class JsonRequests {
    /** Largest request body read. */
    public static final int MAX_BODY = 16 * 1024;

    private JsonRequests() {
    }

    /** Input an endpoint refuses, with the field it is about (null for the body as a whole) and the HTTP status. */
    public static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;
        private final String field;
        private final int status;

        public BadRequest(String field, String message) {
            this(400, field, message);
        }

        public BadRequest(int status, String field, String message) {
            super(field == null ? message : field + ": " + message);
            this.field = field;
            this.status = status;
        }

        public String field() {
            return field;
        }

        public int status() {
            return status;
        }
    }

    /**
     * The request's JSON object; {@code example} shows a good one in the error. Refuses a content type other than JSON
     * (which also keeps cross-site forms out: a browser sends them with a form or text type, and cannot send JSON
     * across sites without asking first), a body over
     * {@link #MAX_BODY}, anything but a JSON object, and a field not in {@code fields}.
     */
    public static JsonNode object(HttpExchange ex, Set<String> fields, String example) throws IOException, BadRequest {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type != null && !type.toLowerCase(Locale.ROOT).strip().startsWith("application/json")) {
            throw new BadRequest(415, null, "send " + example + " as application/json, not " + type);
        }
        byte[] bytes;
        try (InputStream in = ex.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw new BadRequest(413, null, "body larger than " + MAX_BODY + " bytes");
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new BadRequest(null, "body is not JSON");
        }
        if (body == null || !body.isObject()) {
            throw new BadRequest(null, "body must be a JSON object such as " + example);
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new BadRequest(name, "unknown field; the fields are " + fields.stream().sorted().toList());
            }
        }
        return body;
    }

    /** A text field: null when absent or null, else its text; refuses a non-string. */
    public static String text(JsonNode body, String field) throws BadRequest {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new BadRequest(field, "must be a string");
        }
        return n.asText();
    }

    /** Sends the refusal as JSON with its status. */
    public static void refuse(HttpExchange ex, BadRequest e) throws IOException {
        error(ex, e.status(), e.field(), e.getMessage());
    }

    /** Sends {@code {"error": message, "field": field}} with {@code status}. */
    public static void error(HttpExchange ex, int status, String field, String message) throws IOException {
        ObjectNode n = Json.mapper().createObjectNode().put("error", message);
        if (field != null) {
            n.put("field", field);
        }
        HttpServerHandle.send(ex, status, "application/json", Json.mapper().writeValueAsString(n));
    }

    /** At most 40 characters of {@code s}, for quoting input in an error. */
    public static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
