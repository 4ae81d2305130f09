package org.karaul.alerts.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.karaul.alerts.http.JsonRequests.BadRequest;
import org.karaul.alerts.webhook.UrlGuard;
import org.karaul.alerts.webhook.Webhooks;
import org.karaul.contract.Severity;
import org.karaul.contract.WebhookSubscription;
import org.karaul.contract.kafka.Json;

/**
 * {@code /api/webhooks}: {@code POST} creates a subscription (201, with its secret, shown only then), {@code GET}
 * lists them (secrets left out), {@code DELETE /api/webhooks/ID} removes one (204). Every call needs
 * {@code Authorization: Bearer TOKEN} (compared in constant time). Input is checked field by field: a bad one gets
 * 400 with {@code {"error": "...", "field": "..."}} naming it.
 */
public final class WebhookApi implements HttpHandler {
    public static final String PATH = "/api/webhooks";
    static final int MAX_LIST = 64;
    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 256;
    private static final Set<String> FIELDS = Set.of("url", "secret", "categories", "countries", "minSeverity");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Webhooks webhooks;
    private final byte[] token;
    private final Clock clock;
    private final MeterRegistry metrics;

    public WebhookApi(Webhooks webhooks, String token, Clock clock, MeterRegistry metrics) {
        this.webhooks = webhooks;
        this.token = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            try {
                dispatch(ex);
            } catch (BadRequest e) {
                JsonRequests.refuse(ex, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                JsonRequests.error(ex, 503, null, "interrupted");
            } catch (Exception e) {
                JsonRequests.error(ex, 500, null, "cannot complete the request: " + e.getMessage());
            }
        }
    }

    private void dispatch(HttpExchange ex) throws Exception {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !MessageDigest.isEqual(token, auth.getBytes(StandardCharsets.UTF_8))) {
            metrics.counter("karaul.alerts.http.auth.failures", "route", "api").increment();
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            JsonRequests.error(ex, 401, null, "a bearer token is required");
            return;
        }
        String rest = ex.getRequestURI().getPath().substring(PATH.length());
        switch (ex.getRequestMethod()) {
            case "POST" -> create(ex);
            case "GET" -> list(ex);
            case "DELETE" -> delete(ex, rest.startsWith("/") ? rest.substring(1) : rest);
            default -> JsonRequests.error(ex, 405, null, "use GET, POST or DELETE");
        }
    }

    private void create(HttpExchange ex) throws Exception {
        JsonNode body = JsonRequests.object(ex, FIELDS, "{\"url\":\"https://…\"}");
        WebhookSubscription s = subscription(body);
        webhooks.store().put(s);
        ObjectNode out = Json.mapper().valueToTree(s);
        ex.getResponseHeaders().set("Location", PATH + "/" + s.id());
        HttpServerHandle.send(ex, 201, "application/json", Json.mapper().writeValueAsString(out));
    }

    /** The subscription the body asks for, every field checked. */
    private WebhookSubscription subscription(JsonNode body) throws BadRequest {
        JsonNode urlNode = body.get("url");
        if (urlNode == null || urlNode.isNull()) {
            throw new BadRequest("url", "is required");
        }
        if (!urlNode.isTextual()) {
            throw new BadRequest("url", "must be a string");
        }
        String url = urlNode.asText();
        try {
            webhooks.guard().check(url);
        } catch (UrlGuard.RefusedUrlException e) {
            throw new BadRequest("url", "refused: " + e.getMessage());
        }
        Severity min = Severity.INFO;
        JsonNode minNode = body.get("minSeverity");
        if (minNode != null && !minNode.isNull()) {
            List<String> allowed = Arrays.stream(Severity.values()).map(Severity::id).toList();
            if (!minNode.isTextual() || !allowed.contains(minNode.asText())) {
                throw new BadRequest("minSeverity", "must be one of " + allowed);
            }
            min = Severity.of(minNode.asText());
        }
        String secret = secret(body.get("secret"));
        List<String> categories = strings(body, "categories", false);
        for (String c : categories) {
            if (!Filters.category(c)) {
                throw new BadRequest("categories", "'" + JsonRequests.cut(c) + "' is not a category id or family of the taxonomy"
                        + " (families: " + Filters.families() + ", ids such as border.interstate_clash)");
            }
        }
        List<String> countries = strings(body, "countries", true);
        for (String c : countries) {
            if (!Filters.country(c)) {
                throw new BadRequest("countries", "'" + JsonRequests.cut(c) + "' is not an ISO 3166-1 alpha-2 code such as KG");
            }
        }
        return new WebhookSubscription("wh-" + randomHex(8), url, secret, categories, countries, min, clock.instant());
    }

    private static String secret(JsonNode node) throws BadRequest {
        if (node == null || node.isNull()) {
            return randomHex(32);
        }
        if (!node.isTextual()) {
            throw new BadRequest("secret", "must be a string");
        }
        String s = node.asText();
        if (s.length() < MIN_SECRET || s.length() > MAX_SECRET) {
            throw new BadRequest("secret", "must have " + MIN_SECRET + " to " + MAX_SECRET + " characters (leave it out"
                    + " to get a random one)");
        }
        if (s.chars().anyMatch(ch -> ch < 0x21 || ch > 0x7e)) {
            throw new BadRequest("secret", "must be printable ASCII without spaces");
        }
        return s;
    }

    private static List<String> strings(JsonNode body, String field, boolean upper) throws BadRequest {
        JsonNode array = body.get(field);
        List<String> out = new ArrayList<>();
        if (array == null || array.isNull()) {
            return out;
        }
        if (!array.isArray()) {
            throw new BadRequest(field, "must be an array of strings");
        }
        if (array.size() > MAX_LIST) {
            throw new BadRequest(field, "at most " + MAX_LIST + " entries");
        }
        for (JsonNode n : array) {
            if (!n.isTextual()) {
                throw new BadRequest(field, "must be an array of strings");
            }
            String v = n.asText().strip();
            out.add(upper ? v.toUpperCase(Locale.ROOT) : v);
        }
        return out.stream().distinct().toList();
    }

    private void list(HttpExchange ex) throws IOException {
        ArrayNode out = Json.mapper().createArrayNode();
        for (WebhookSubscription s : webhooks.store().list()) {
            ObjectNode n = Json.mapper().valueToTree(s);
            n.remove("secret");
            n.remove("sealedSecret");
            out.add(n);
        }
        HttpServerHandle.send(ex, 200, "application/json", Json.mapper().writeValueAsString(out));
    }

    private void delete(HttpExchange ex, String id) throws Exception {
        if (id.isBlank()) {
            throw new BadRequest("id", "use DELETE " + PATH + "/ID");
        }
        if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new BadRequest("id", "not a subscription id (such as wh-0123456789abcdef)");
        }
        if (webhooks.store().delete(id)) {
            HttpServerHandle.send(ex, 204, "application/json", null);
        } else {
            JsonRequests.error(ex, 404, "id", "no subscription " + id);
        }
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
