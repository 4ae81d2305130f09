package org.karaul.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.karaul.alerts.secrets.TestKeys;
import org.karaul.alerts.webhook.Signatures;
import org.karaul.config.Settings;
import org.karaul.contract.Alert;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.Lineage;
import org.karaul.contract.Severity;
import org.karaul.contract.WebhookSubscription;
import org.karaul.contract.kafka.Json;
import org.karaul.contract.kafka.Topics;
import org.karaul.kafka.embedded.KafkaBrokerExtension;
import org.karaul.ops.TopicSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The alerts service with its protections on, on a real broker and a real HTTP server on loopback: the desk behind
 * its login, the API's input checks and rate limit, webhook secrets sealed on the subscriptions topic (the raw bytes
 * never hold the secret, a clear-text record from before is re-written sealed), and deliveries signed with the secret
 * opened from the topic after a restart.
 */
@ExtendWith(KafkaBrokerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {
    static final String API_TOKEN = "api-token-0123456789";
    static final String DESK_TOKEN = "desk-token-0123456789";
    static final Duration DEADLINE = Duration.ofSeconds(45);
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static Properties kafka = new Properties();
    static String run = UUID.randomUUID().toString().substring(0, 8);
    /**
     * Under {@code target/}, not a JUnit temporary directory: the service is stopped and started again here, and a
     * Streams thread finishing its shutdown can still write a state file while JUnit deletes the directory.
     */
    static Path dir = Path.of("target", "it-security-" + run);
    static AlertsApp alerts;

    @BeforeAll
    static void start() throws Exception {
        kafka.put("bootstrap.servers", KafkaBrokerExtension.bootstrapServers());
        TopicSetup.ensure(kafka, Topics.all());
        // the stream starts at the end of the classified topic, so other tests' items raise no alerts here
        Offsets.skipToEnd(kafka, "it-security-" + run, List.of(Topics.ITEMS_CLASSIFIED.name()));
        alerts = app();
    }

    static AlertsApp app() {
        return AlertsApp.start(AlertsConfig.from(Settings.of(AlertsConfig.DEFAULTS, Map.ofEntries(
                Map.entry("kafka.bootstrap.servers", KafkaBrokerExtension.bootstrapServers()),
                Map.entry("alerts.application.id", "it-security-" + run), Map.entry("alerts.state.dir", dir.toString()),
                Map.entry("alerts.dispatch.group.id", "it-security-dispatch-" + run), Map.entry("alerts.ops.port", "-1"),
                Map.entry("alerts.http.port", "0"), Map.entry("alerts.desk.token", DESK_TOKEN),
                Map.entry("alerts.webhooks.token", API_TOKEN), Map.entry("alerts.webhooks.secret.keys", TestKeys.INLINE),
                Map.entry("alerts.webhooks.allow", "127.0.0.1/32"), Map.entry("alerts.http.rate.per.minute", "1"),
                Map.entry("alerts.http.rate.burst", "40"), Map.entry("alerts.webhooks.backoff.initial", "100ms"),
                Map.entry("alerts.webhooks.backoff.max", "500ms"), Map.entry("alerts.webhooks.timeout", "2s"),
                Map.entry("alerts.webhooks.group.prefix", "it-security-" + run + "-")))), new SimpleMeterRegistry(), null,
                List.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (alerts != null) {
            alerts.close();
        }
    }

    static HttpResponse<String> call(String method, String path, String type, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(alerts.url(path)));
        if (type != null) {
            b.header("Content-Type", type);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> create(String body) throws Exception {
        return call("POST", "/api/webhooks", "application/json", body, "Authorization", "Bearer " + API_TOKEN);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + DEADLINE + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** Every record of the subscriptions topic under {@code key}, oldest first, as raw bytes. */
    static List<byte[]> rawSubscriptionRecords(String key) {
        Properties p = new Properties();
        p.putAll(kafka);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<byte[]> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(Topics.WEBHOOK_SUBSCRIPTIONS.name(), 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            Instant deadline = Instant.now().plus(DEADLINE);
            while (c.position(tp) < end && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key()) && r.value() != null) {
                        out.add(r.value());
                    }
                }
            }
        }
        return out;
    }

    static void sendAlert(String id) throws Exception {
        AlertEvent event = AlertEvent.of(new Alert(id, "opened", "dev-" + id, "title " + id, "", Severity.HIGH, List.of(),
                List.of(), List.of(), List.of(), List.of(), null, null, new Lineage("t", "default", List.of()), Instant.now(),
                1, 1, List.of(), null));
        try (KafkaProducer<String, AlertEvent> p = new KafkaProducer<>(kafka, Topics.ALERTS.keySerde().serializer(),
                Topics.ALERTS.valueSerde().serializer())) {
            p.send(new ProducerRecord<>(Topics.ALERTS.name(), event.subject(), event)).get();
        }
    }

    @Test
    @Order(1)
    void shouldKeepTheDeskBehindItsLoginAndShowSubscriptionStatesOnceSignedIn() throws Exception {
        HttpResponse<String> page = call("GET", "/", null, null);
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValue("/login");
        assertThat(call("GET", "/events", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/subscriptions", null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/webhooks", null, null, "Authorization", "Bearer " + DESK_TOKEN).statusCode())
                .as("the desk token is not the API token").isEqualTo(401);

        HttpResponse<String> login = call("POST", "/login", "application/x-www-form-urlencoded", "token=" + DESK_TOKEN);
        assertThat(login.statusCode()).isEqualTo(303);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        String session = cookie.substring(0, cookie.indexOf(';'));
        String id = Json.mapper().readTree(create("{\"url\":\"http://127.0.0.1:9/hook-" + run + "\"}").body()).get("id").asText();
        await("the subscription on the desk", () -> {
            try {
                HttpResponse<String> states = call("GET", "/subscriptions", null, null, "Cookie", session);
                return states.statusCode() == 200 && states.body().contains(id);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        JsonNode states = Json.mapper().readTree(call("GET", "/subscriptions", null, null, "Cookie", session).body());
        JsonNode mine = null;
        for (JsonNode n : states) {
            if (n.get("id").asText().equals(id)) {
                mine = n;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("state").asText()).isIn("delivering", "retrying");
        assertThat(mine.has("lag")).isTrue();
        assertThat(states.toString()).doesNotContain("hook-" + run).as("no URL on the desk");
        HttpResponse<InputStream> stream = HTTP.send(HttpRequest.newBuilder(URI.create(alerts.url("/events")))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream events = stream.body()) {
            assertThat(stream.statusCode()).as("the SSE stream with the session cookie").isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        }
        HttpResponse<String> desk = call("GET", "/", null, null, "Cookie", session);
        assertThat(desk.statusCode()).isEqualTo(200);
        assertThat(desk.body()).contains("subscription-list");
        assertThat(call("DELETE", "/api/webhooks/" + id, null, null, "Authorization", "Bearer " + API_TOKEN).statusCode())
                .isEqualTo(204);
    }

    @Test
    @Order(2)
    void shouldRefuseBadInputWithA400NamingTheField() throws Exception {
        Map<String, String> badField = Map.of(
                "{\"url\":\"http://127.0.0.1:9/h\",\"callback\":\"x\"}", "callback",
                "{\"url\":\"ftp://127.0.0.1/h\"}", "url",
                "{\"url\":\"http://user:pw@127.0.0.1/h\"}", "url",
                "{\"url\":42}", "url",
                "{\"url\":\"http://127.0.0.1:9/h\",\"categories\":[\"nonsense\"]}", "categories",
                "{\"url\":\"http://127.0.0.1:9/h\",\"countries\":[\"XX\"]}", "countries",
                "{\"url\":\"http://127.0.0.1:9/h\",\"minSeverity\":\"urgent\"}", "minSeverity",
                "{\"url\":\"http://127.0.0.1:9/h\",\"secret\":\"short\"}", "secret",
                "{\"url\":\"http://127.0.0.1:9/h\",\"countries\":\"KG\"}", "countries");
        for (Map.Entry<String, String> e : badField.entrySet()) {
            HttpResponse<String> r = create(e.getKey());
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(400);
            JsonNode error = Json.mapper().readTree(r.body());
            assertThat(error.get("field").asText()).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(error.get("error").asText()).startsWith(e.getValue() + ": ");
        }
        assertThat(create("{}").body()).contains("\"field\":\"url\"").contains("required");
        assertThat(create("[1,2]").statusCode()).isEqualTo(400);
        assertThat(call("POST", "/api/webhooks", "text/plain", "{}", "Authorization", "Bearer " + API_TOKEN).statusCode())
                .isEqualTo(415);
        assertThat(create("{\"url\":\"" + "a".repeat(20_000) + "\"}").statusCode()).isEqualTo(413);
        HttpResponse<String> ok = create("{\"url\":\"http://127.0.0.1:9/ok-" + run + "\",\"categories\":[\"border\","
                + "\"terrorism.attack\"],\"countries\":[\"kg\"],\"minSeverity\":\"high\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        JsonNode created = Json.mapper().readTree(ok.body());
        assertThat(created.get("countries").get(0).asText()).isEqualTo("KG");
        call("DELETE", "/api/webhooks/" + created.get("id").asText(), null, null, "Authorization", "Bearer " + API_TOKEN);
    }

    @Test
    @Order(3)
    void shouldSealTheSecretOnTheTopicResealAClearTextRecordAndSignWithTheOpenedSecretAfterARestart() throws Exception {
        String secret = "visible-secret-" + run + "-0123456789";
        try (Receiver receiver = Receiver.start()) {
            HttpResponse<String> r = create("{\"url\":\"" + receiver.url() + "\",\"secret\":\"" + secret + "\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            String id = Json.mapper().readTree(r.body()).get("id").asText();
            assertThat(Json.mapper().readTree(r.body()).get("secret").asText()).isEqualTo(secret);
            List<byte[]> raw = rawSubscriptionRecords(id);
            assertThat(raw).hasSize(1);
            String onTopic = new String(raw.get(0), StandardCharsets.UTF_8);
            assertThat(onTopic).doesNotContain(secret).doesNotContain("\"secret\"").contains("\"sealedSecret\":\"v1:test-1:");
            assertThat(call("GET", "/api/webhooks", null, null, "Authorization", "Bearer " + API_TOKEN).body())
                    .doesNotContain(secret).doesNotContain("sealedSecret");

            // a subscription written in clear text (by a version before sealing)
            String oldId = "wh-clear-" + run;
            String oldSecret = "old-clear-secret-" + run;
            try (KafkaProducer<String, WebhookSubscription> p = new KafkaProducer<>(kafka,
                    Topics.WEBHOOK_SUBSCRIPTIONS.keySerde().serializer(), Topics.WEBHOOK_SUBSCRIPTIONS.valueSerde().serializer())) {
                p.send(new ProducerRecord<>(Topics.WEBHOOK_SUBSCRIPTIONS.name(), oldId, new WebhookSubscription(oldId,
                        receiver.url(), oldSecret, List.of(), List.of(), Severity.INFO, Instant.now()))).get();
            }
            alerts.close();
            alerts = app(); // a restart: both subscriptions are loaded from the topic, the clear one re-written sealed
            List<byte[]> old = rawSubscriptionRecords(oldId);
            assertThat(old).hasSize(2);
            assertThat(new String(old.get(1), StandardCharsets.UTF_8)).doesNotContain(oldSecret).contains("\"sealedSecret\"");

            String alertId = "sealed-" + run;
            sendAlert(alertId);
            await("the alert delivered to both subscriptions", () -> ofAlert(receiver, alertId).size() >= 2);
            List<Receiver.Delivery> got = ofAlert(receiver, alertId);
            assertThat(got).hasSize(2);
            assertThat(got).filteredOn(d -> Signatures.verify(secret, d.deliveryId(), d.body(), d.signature()))
                    .as("signed with the secret opened from the topic").hasSize(1);
            assertThat(got).filteredOn(d -> Signatures.verify(oldSecret, d.deliveryId(), d.body(), d.signature()))
                    .as("signed with the re-sealed clear-text secret").hasSize(1);
            for (String s : List.of(id, oldId)) {
                assertThat(call("DELETE", "/api/webhooks/" + s, null, null, "Authorization", "Bearer " + API_TOKEN).statusCode())
                        .isEqualTo(204);
            }
        }
    }

    static List<Receiver.Delivery> ofAlert(Receiver receiver, String alertId) {
        return receiver.deliveries.stream().filter(d -> Topics.ALERTS.valueSerde().deserializer()
                .deserialize("t", d.body()).id().equals(alertId)).toList();
    }

    @Test
    @Order(4)
    void shouldRateLimitTheApiPerAddressWith429AndRetryAfter() throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i < 60; i++) {
            last = call("GET", "/api/webhooks", null, null, "Authorization", "Bearer " + API_TOKEN);
            if (last.statusCode() == 429) {
                break;
            }
            assertThat(last.statusCode()).isEqualTo(200);
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(last.body()).contains("too many requests");
        assertThat(call("GET", "/login", null, null).statusCode()).as("the login shares the address's bucket").isEqualTo(429);
    }
}
