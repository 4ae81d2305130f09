package org.karaul.alerts.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.karaul.alerts.webhook.UrlGuard;
import org.karaul.alerts.webhook.Webhooks;
import org.karaul.contract.Severity;
import org.karaul.contract.WebhookSubscription;
import org.karaul.contract.kafka.Json;

/**
 * {@code /api/webhooks}: {@code POST} creates a subscription (201, with its secret, shown only then), {@code GET}
 * lists them (secrets left out), {@code DELETE /api/webhooks/ID} removes one (204). Every call needs
 * {@code Authorization: Bearer TOKEN}.
 */
public final class WebhookApi implements HttpHandler {
    public static final String PATH = "/api/webhooks";
    private static final int MAX_BODY = 16 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Webhooks webhooks;
    private final byte[] token;
    private final Clock clock;

    public WebhookApi(Webhooks webhooks, String token, Clock clock) {
        this.webhooks = webhooks;
        this.token = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !MessageDigest.isEqual(token, auth.getBytes(StandardCharsets.UTF_8))) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                error(ex, 401, "a bearer token is required");
                return;
            }
            String rest = ex.getRequestURI().getPath().substring(PATH.length());
            switch (ex.getRequestMethod()) {
                case "POST" -> create(ex);
                case "GET" -> list(ex);
                case "DELETE" -> delete(ex, rest.startsWith("/") ? rest.substring(1) : rest);
                default -> error(ex, 405, "use GET, POST or DELETE");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(ex, 503, "interrupted");
        } catch (Exception e) {
            error(ex, 500, "cannot complete the request: " + e.getMessage());
        }
    }

    private void create(HttpExchange ex) throws Exception {
        JsonNode body;
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                error(ex, 413, "body larger than " + MAX_BODY + " bytes");
                return;
            }
            body = Json.mapper().readTree(bytes);
        } catch (IOException e) {
            error(ex, 400, "body is not JSON");
            return;
        }
        String url = body == null ? null : body.path("url").asText(null);
        if (url == null || url.isBlank()) {
            error(ex, 400, "url is required");
            return;
        }
        try {
            webhooks.guard().check(url);
        } catch (UrlGuard.RefusedUrlException e) {
            error(ex, 400, "url refused: " + e.getMessage());
            return;
        }
        Severity min;
        try {
            min = body.hasNonNull("minSeverity") ? Severity.of(body.get("minSeverity").asText()) : Severity.INFO;
        } catch (IllegalArgumentException e) {
            error(ex, 400, e.getMessage());
            return;
        }
        String secret = body.hasNonNull("secret") && !body.get("secret").asText().isBlank() ? body.get("secret").asText()
                : randomHex(32);
        List<String> countries = strings(body.path("countries"), true);
        if (countries.stream().anyMatch(c -> !c.matches("[A-Z]{2}"))) {
            error(ex, 400, "countries must be ISO 3166-1 alpha-2 codes such as KG");
            return;
        }
        WebhookSubscription s = new WebhookSubscription("wh-" + randomHex(8), url, secret, strings(body.path("categories"), false),
                countries, min, clock.instant());
        webhooks.store().put(s);
        ObjectNode out = Json.mapper().valueToTree(s);
        ex.getResponseHeaders().set("Location", PATH + "/" + s.id());
        HttpServerHandle.send(ex, 201, "application/json", Json.mapper().writeValueAsString(out));
    }

    private void list(HttpExchange ex) throws IOException {
        ArrayNode out = Json.mapper().createArrayNode();
        for (WebhookSubscription s : webhooks.store().list()) {
            ObjectNode n = Json.mapper().valueToTree(s);
            n.remove("secret");
            out.add(n);
        }
        HttpServerHandle.send(ex, 200, "application/json", Json.mapper().writeValueAsString(out));
    }

    private void delete(HttpExchange ex, String id) throws Exception {
        if (id.isBlank()) {
            error(ex, 400, "DELETE " + PATH + "/ID");
            return;
        }
        if (webhooks.store().delete(id)) {
            HttpServerHandle.send(ex, 204, "application/json", null);
        } else {
            error(ex, 404, "no subscription " + id);
        }
    }

    private static List<String> strings(JsonNode array, boolean upper) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(upper ? n.asText().trim().toUpperCase(Locale.ROOT) : n.asText().trim()));
        return out;
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static void error(HttpExchange ex, int status, String message) throws IOException {
        ObjectNode n = Json.mapper().createObjectNode().put("error", message);
        HttpServerHandle.send(ex, status, "application/json", Json.mapper().writeValueAsString(n));
    }
}
