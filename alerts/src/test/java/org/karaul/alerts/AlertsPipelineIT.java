package org.karaul.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.karaul.alerts.webhook.Signatures;
import org.karaul.alerts.webhook.SubscriptionStatus;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.ClassifiedItem;
import org.karaul.contract.Severity;
import org.karaul.contract.Triage;
import org.karaul.contract.WebhookDeadLetter;
import org.karaul.contract.kafka.Json;
import org.karaul.contract.kafka.Topics;
import org.karaul.kafka.embedded.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real pipeline on a real broker: classified items → developments (processor topology) → alert rules →
 * CloudEvents on karaul.alerts → signed webhook POSTs to a real loopback receiver.
 */
@ExtendWith(KafkaBrokerExtension.class)
class AlertsPipelineIT {
    static final String TOKEN = Pipeline.TOKEN;
    static final Duration DEADLINE = Duration.ofSeconds(45);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    static Pipeline pipeline;
    static AlertsApp alerts;
    static SimpleMeterRegistry metrics;

    @BeforeAll
    static void startPipeline() throws Exception {
        pipeline = new Pipeline(KafkaBrokerExtension.bootstrapServers(), dir);
        alerts = pipeline.alerts;
        metrics = pipeline.metrics;
    }

    @AfterAll
    static void stopPipeline() throws Exception {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    static void send(ClassifiedItem c) throws Exception {
        pipeline.send(c);
    }

    static HttpResponse<String> api(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(alerts.url(path)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Creates a subscription and returns its JSON (with the secret). */
    static JsonNode subscribe(String url, String filter) throws Exception {
        HttpResponse<String> r = api("POST", "/api/webhooks", "{\"url\":\"" + url + "\"" + filter + "}", TOKEN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.mapper().readTree(r.body());
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

    static AlertEvent event(Receiver.Delivery d) {
        return Topics.ALERTS.valueSerde().deserializer().deserialize("t", d.body());
    }

    @Test
    void shouldRefuseCallsWithoutTheTokenAndPrivateOrLinkLocalUrls() throws Exception {
        assertThat(api("GET", "/api/webhooks", null, null).statusCode()).isEqualTo(401);
        assertThat(api("GET", "/api/webhooks", null, "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> privateRange = api("POST", "/api/webhooks", "{\"url\":\"http://10.20.30.40/hook\"}", TOKEN);
        assertThat(privateRange.statusCode()).isEqualTo(400);
        assertThat(privateRange.body()).contains("10.20.30.40").contains("private");
        assertThat(api("POST", "/api/webhooks", "{\"url\":\"http://169.254.169.254/latest\"}", TOKEN).statusCode()).isEqualTo(400);
        assertThat(api("POST", "/api/webhooks", "{\"url\":\"http://[::1]:9/hook\"}", TOKEN).statusCode()).isEqualTo(400);
        assertThat(api("POST", "/api/webhooks", "{\"url\":\"file:///etc/passwd\"}", TOKEN).statusCode()).isEqualTo(400);
    }

    static HttpResponse<String> triage(String body, String type) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(alerts.url("/triage"))).header("Content-Type", type);
        return HTTP.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldKeepATriageMarkWithItsRuleAndRefuseBadOnesNamingTheField() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            JsonNode sub = subscribe(receiver.url(), ",\"countries\":[\"TM\"]");
            send(Stories.item("turkmenportal", "A", "en", "Customs officers seize 60 kg of heroin at the Serhetabat crossing",
                    "Heroin was found in a truck from Afghanistan.", Instant.now().minusSeconds(60), "trafficking.drugs",
                    Severity.HIGH, "TM"));
            await("the alert", () -> receiver.deliveries.size() >= 1);
            AlertEvent alert = event(receiver.deliveries.get(0));
            String dev = alert.data().developmentId();
            await("the desk knows the development", () -> {
                try {
                    return api("GET", "/developments/" + dev, null, null).statusCode() == 200;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String json = "application/json";
            HttpResponse<String> unknownMark = triage("{\"developmentId\":\"" + dev + "\",\"mark\":\"maybe\",\"by\":\"Aigul\"}", json);
            assertThat(unknownMark.statusCode()).isEqualTo(400);
            assertThat(Json.mapper().readTree(unknownMark.body()).get("field").asText()).isEqualTo("mark");
            HttpResponse<String> nobody = triage("{\"developmentId\":\"" + dev + "\",\"mark\":\"confirmed\"}", json);
            assertThat(Json.mapper().readTree(nobody.body()).get("field").asText()).isEqualTo("by");
            HttpResponse<String> noOriginal = triage("{\"developmentId\":\"" + dev + "\",\"mark\":\"duplicate\",\"by\":\"A\"}", json);
            assertThat(Json.mapper().readTree(noOriginal.body()).get("field").asText()).isEqualTo("duplicateOf");
            assertThat(triage("{\"developmentId\":\"nope\",\"mark\":\"handled\",\"by\":\"A\"}", json).statusCode())
                    .isEqualTo(404);
            assertThat(triage("developmentId=" + dev + "&mark=handled", "application/x-www-form-urlencoded").statusCode())
                    .as("a cross-site form cannot mark").isEqualTo(415);
            assertThat(triage("{\"developmentId\":\"" + dev + "\",\"mark\":\"handled\",\"by\":\"A\",\"extra\":1}", json)
                    .statusCode()).isEqualTo(400);

            HttpResponse<String> kept = triage("{\"developmentId\":\"" + dev + "\",\"mark\":\"false_positive\",\"by\":\"Aigul\","
                    + "\"note\":\"a customs drill\"}", json);
            assertThat(kept.statusCode()).as(kept.body()).isEqualTo(202);
            Triage mark = Topics.FEEDBACK.valueSerde().deserializer().deserialize("t", kept.body().getBytes(StandardCharsets.UTF_8));
            assertThat(mark.ruleId()).isEqualTo(alert.data().lineage().ruleId());
            assertThat(mark.categories()).containsExactly("trafficking.drugs");
            await("the mark listed", () -> {
                try {
                    return api("GET", "/triage", null, null).body().contains("a customs drill");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(metrics.get("karaul.alerts.triage.marks").tag("mark", "false_positive").counter().count()).isEqualTo(1);

            // the rules report reads the mark made through the desk and names the false alarm under its rule
            java.io.StringWriter out = new java.io.StringWriter();
            int exit = new picocli.CommandLine(new org.karaul.alerts.RulesCommand())
                    .setOut(new java.io.PrintWriter(out)).setErr(new java.io.PrintWriter(new java.io.StringWriter()))
                    .execute("report", "--bootstrap", KafkaBrokerExtension.bootstrapServers());
            assertThat(exit).isZero();
            assertThat(out.toString()).contains("false alarm of " + mark.ruleId() + ": Customs officers seize 60 kg of heroin"
                    + " at the Serhetabat crossing (" + dev + ")").contains("note: a customs drill");
            assertThat(api("DELETE", "/api/webhooks/" + sub.get("id").asText(), null, TOKEN).statusCode()).isEqualTo(204);
        }
    }

    @Test
    void shouldSendOneAlertForThreeOutletsCopiesAndASecondOnEscalation() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            JsonNode sub = subscribe(receiver.url(), ",\"countries\":[\"KG\"],\"categories\":[\"border\"]");
            Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
            send(Stories.item("steppe-wire", "B", "en", Stories.CLASH_EN, Stories.CLASH_EN_TEXT, t0,
                    "border.interstate_clash", Severity.HIGH, "KG"));
            send(Stories.item("vesti-fergany", "C", "ru", Stories.CLASH_RU, Stories.CLASH_RU_TEXT, t0.plusSeconds(60),
                    "border.interstate_clash", Severity.HIGH, "KG"));
            send(Stories.item("kabar", "B", "en", Stories.CLASH_EN, Stories.CLASH_EN_TEXT, t0.plusSeconds(120),
                    "border.interstate_clash", Severity.HIGH, "KG"));
            await("the opened alert", () -> receiver.deliveries.size() >= 1);
            send(Stories.item("akipress", "B", "en", Stories.CLASH_EN + "; ceasefire broken, three dead",
                    Stories.CLASH_EN_TEXT, t0.plusSeconds(300), "border.interstate_clash", Severity.CRITICAL, "KG"));
            await("the escalated alert", () -> receiver.deliveries.size() >= 2);

            List<AlertEvent> got = receiver.deliveries.stream().map(AlertsPipelineIT::event).toList();
            assertThat(got).extracting(AlertEvent::type).containsExactly("org.karaul.alert.opened", "org.karaul.alert.escalated");
            assertThat(got).extracting(AlertEvent::subject).containsOnly(got.get(0).subject());
            assertThat(got.get(0).data().sources()).extracting(s -> s.sourceId()).containsExactly("steppe-wire", "vesti-fergany");
            assertThat(got.get(1).data().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(got.get(1).data().itemCount()).isEqualTo(4);
            assertThat(receiver.deliveries.get(0).contentType()).isEqualTo("application/cloudevents+json");
            assertThat(alertsOnTopicFor(got.get(0).subject())).as("never one per copy").hasSize(2);
            assertThat(api("DELETE", "/api/webhooks/" + sub.get("id").asText(), null, TOKEN).statusCode()).isEqualTo(204);
        }
    }

    @Test
    void shouldHoldItsPositionThroughRefusedConnectionsAnd503sThenDeliverEveryAlertInOrder() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            JsonNode sub = subscribe(receiver.url(), ",\"countries\":[\"TJ\"],\"minSeverity\":\"high\"");
            String id = sub.get("id").asText();
            String secret = sub.get("secret").asText();
            receiver.stop();
            double retriesBefore = retries();
            Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(300);
            send(Stories.item("khovar", "A", "en", "Police seize 300 kg of heroin in Khorog", "Police in GBAO seized heroin.",
                    t0, "trafficking.drugs", Severity.HIGH, "TJ"));
            send(Stories.item("asia-plus", "A", "en", "Hackers take down the website of the Tajik railway",
                    "A DDoS attack hit the railway.", t0.plusSeconds(10), "cyber.attack", Severity.HIGH, "TJ"));
            send(Stories.item("ozodi", "A", "en", "Thousands rally in Dushanbe square against fuel prices",
                    "Riot police dispersed the crowd.", t0.plusSeconds(20), "unrest.mass_protest", Severity.HIGH, "TJ"));
            await("retries while connections are refused", () -> retries() >= retriesBefore + 3);
            SubscriptionStatus retrying = alerts.webhookStatuses().get(id);
            assertThat(retrying.state()).isEqualTo(SubscriptionStatus.State.RETRYING);
            assertThat(retrying.lastError()).contains("ConnectException");
            assertThat(subscriptionsIn("retrying")).isGreaterThanOrEqualTo(1);
            receiver.answer(503);
            receiver.restart();
            await("three 503 answers", () -> receiver.attempts.size() >= 3);
            receiver.answer(200);
            await("three deliveries after the receiver recovered", () -> receiver.deliveries.size() >= 3);

            List<Receiver.Delivery> got = new ArrayList<>(receiver.deliveries);
            assertThat(got).hasSize(3);
            assertThat(got).extracting(d -> event(d).data().title()).containsExactlyInAnyOrder(
                    "Police seize 300 kg of heroin in Khorog", "Hackers take down the website of the Tajik railway",
                    "Thousands rally in Dushanbe square against fuel prices");
            List<String> ids = got.stream().map(d -> event(d).id()).toList();
            assertThat(ids).as("in the order of the alerts topic")
                    .containsExactlyElementsOf(alertsOnTopic().stream().map(AlertEvent::id).filter(ids::contains).toList());
            for (Receiver.Delivery d : got) {
                assertThat(Signatures.verify(secret, d.deliveryId(), d.body(), d.signature())).as(d.deliveryId()).isTrue();
                assertThat(Signatures.verify("other-secret", d.deliveryId(), d.body(), d.signature())).isFalse();
            }
            assertThat(got).extracting(Receiver.Delivery::deliveryId).doesNotHaveDuplicates();
            List<Receiver.Attempt> refused = receiver.attempts.stream().filter(a -> a.status() == 503).toList();
            assertThat(refused).as("the first alert held on, with one delivery id on every retry").hasSizeGreaterThanOrEqualTo(3)
                    .extracting(Receiver.Attempt::deliveryId).containsOnly(got.get(0).deliveryId());
            await("the subscription delivering again",
                    () -> alerts.webhookStatuses().get(id).state() == SubscriptionStatus.State.DELIVERING);
            assertThat(deadLettersOnTopic()).as("nothing dead-lettered").noneMatch(dl -> dl.subscriptionId().equals(id));
            api("DELETE", "/api/webhooks/" + id, null, TOKEN);
        }
    }

    @Test
    void shouldDeadLetterAPermanentRejectionAtOnceWithTheStatusAndGoOn() throws Exception {
        try (Receiver failing = Receiver.start(); Receiver healthy = Receiver.start()) {
            failing.answer(400);
            JsonNode bad = subscribe(failing.url(), ",\"countries\":[\"UZ\"]");
            JsonNode good = subscribe(healthy.url(), ",\"countries\":[\"UZ\"]");
            send(Stories.item("uza", "A", "en", "Explosion at an arms depot near Termez", "Ammunition exploded at a depot.",
                    Instant.now().minusSeconds(60), "trafficking.arms", Severity.HIGH, "UZ"));
            await("the healthy subscriber's delivery", () -> healthy.deliveries.size() == 1);
            WebhookDeadLetter dl = awaitDeadLetter(bad.get("id").asText());
            assertThat(dl.reason()).startsWith("HTTP 400");
            assertThat(dl.status()).isEqualTo(400);
            assertThat(dl.kind()).isEqualTo(WebhookDeadLetter.KIND_REJECTED);
            assertThat(dl.attempts()).isEqualTo(1);
            assertThat(dl.deliveryId()).isEqualTo(failing.attempts.get(0).deliveryId());
            assertThat(dl.event().data().title()).isEqualTo("Explosion at an arms depot near Termez");
            assertThat(failing.deliveries).isEmpty();
            failing.answer(200);
            send(Stories.item("gazeta-uz", "A", "en", "Hundreds protest in Andijan over power cuts",
                    "Crowds gathered at the hokimiyat.", Instant.now().minusSeconds(30), "unrest.mass_protest", Severity.HIGH, "UZ"));
            await("the next alert after the rejected one", () -> failing.deliveries.size() == 1);
            HttpResponse<String> list = api("GET", "/api/webhooks", null, TOKEN);
            assertThat(list.body()).contains(good.get("id").asText()).doesNotContain(good.get("secret").asText());
            api("DELETE", "/api/webhooks/" + bad.get("id").asText(), null, TOKEN);
            api("DELETE", "/api/webhooks/" + good.get("id").asText(), null, TOKEN);
        }
    }

    static double subscriptionsIn(String state) {
        var g = metrics.find("karaul.alerts.webhook.subscriptions.state").tag("state", state).gauge();
        return g == null ? 0 : g.value();
    }

    static List<WebhookDeadLetter> deadLettersOnTopic() {
        try (KafkaConsumer<String, WebhookDeadLetter> c = consumer(Topics.WEBHOOK_DLQ.keySerde().deserializer(),
                Topics.WEBHOOK_DLQ.valueSerde().deserializer(), Topics.WEBHOOK_DLQ.name())) {
            List<WebhookDeadLetter> out = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(5);
            long end = c.endOffsets(c.assignment()).values().stream().mapToLong(Long::longValue).sum();
            while (c.assignment().stream().mapToLong(c::position).sum() < end && Instant.now().isBefore(deadline)) {
                c.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
            }
            return out;
        }
    }

    static double retries() {
        var c = metrics.find("karaul.alerts.webhook.deliveries").tag("outcome", "retry").counter();
        return c == null ? 0 : c.count();
    }

    static List<AlertEvent> alertsOnTopicFor(String developmentId) {
        return alertsOnTopic().stream().filter(e -> e.subject().equals(developmentId)).toList();
    }

    static List<AlertEvent> alertsOnTopic() {
        try (KafkaConsumer<String, AlertEvent> c = consumer(Topics.ALERTS.keySerde().deserializer(),
                Topics.ALERTS.valueSerde().deserializer(), Topics.ALERTS.name())) {
            List<AlertEvent> out = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(5);
            long end = c.endOffsets(c.assignment()).values().stream().mapToLong(Long::longValue).sum();
            while (c.assignment().stream().mapToLong(c::position).sum() < end && Instant.now().isBefore(deadline)) {
                c.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
            }
            return out;
        }
    }

    static WebhookDeadLetter awaitDeadLetter(String subscriptionId) throws InterruptedException {
        try (KafkaConsumer<String, WebhookDeadLetter> c = consumer(Topics.WEBHOOK_DLQ.keySerde().deserializer(),
                Topics.WEBHOOK_DLQ.valueSerde().deserializer(), Topics.WEBHOOK_DLQ.name())) {
            Map<String, WebhookDeadLetter> found = new HashMap<>();
            await("a dead letter for " + subscriptionId, () -> {
                c.poll(Duration.ofMillis(200)).forEach(r -> found.put(r.key(), r.value()));
                return found.containsKey(subscriptionId);
            });
            return found.get(subscriptionId);
        }
    }

    static <V> KafkaConsumer<String, V> consumer(org.apache.kafka.common.serialization.Deserializer<String> k,
                                                  org.apache.kafka.common.serialization.Deserializer<V> v, String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", KafkaBrokerExtension.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, V> c = new KafkaConsumer<>(p, k, v);
        var partitions = c.partitionsFor(topic).stream()
                .map(i -> new org.apache.kafka.common.TopicPartition(topic, i.partition())).toList();
        c.assign(partitions);
        c.seekToBeginning(partitions);
        return c;
    }
}
