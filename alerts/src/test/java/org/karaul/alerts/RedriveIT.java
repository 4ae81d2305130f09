package org.karaul.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.karaul.alerts.secrets.TestKeys;
import org.karaul.alerts.webhook.Redrive;
import org.karaul.alerts.webhook.Signatures;
import org.karaul.alerts.webhook.SubscriptionStore;
import org.karaul.alerts.webhook.WebhookSettings;
import org.karaul.contract.Alert;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.Lineage;
import org.karaul.contract.Severity;
import org.karaul.contract.WebhookDeadLetter;
import org.karaul.contract.WebhookSubscription;
import org.karaul.contract.kafka.Topics;
import org.karaul.kafka.embedded.KafkaBrokerExtension;
import org.karaul.ops.TopicSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code karaul webhooks redrive}: a subscription's dead letters re-delivered in order, once, stopping at a failure. */
@ExtendWith(KafkaBrokerExtension.class)
class RedriveIT {

    @Test
    void shouldRedeliverTheSubscriptionsDeadLettersInOrderOnceAndStopAtAFailure() throws Exception {
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", KafkaBrokerExtension.bootstrapServers());
        TopicSetup.ensure(kafka, Topics.all());
        String run = UUID.randomUUID().toString().substring(0, 8);
        String id = "redrive-" + run;
        WebhookSettings settings = new WebhookSettings(null, List.of("127.0.0.1/32"), Duration.ofDays(3),
                Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(2), "it-webhook-" + run + "-",
                TestKeys.source());
        SubscriptionStore store = SubscriptionStore.start(kafka, settings.sealer(), new SubscriptionStore.Listener() {
            @Override
            public void changed(WebhookSubscription subscription) {
            }

            @Override
            public void removed(String removed) {
            }
        });
        try (Receiver receiver = Receiver.start()) {
            WebhookSubscription s = new WebhookSubscription(id, receiver.url(), "s3cret", List.of(), List.of(),
                    Severity.INFO, Instant.now());
            store.put(s);
            try (KafkaProducer<String, WebhookDeadLetter> dlq = new KafkaProducer<>(kafka,
                    Topics.WEBHOOK_DLQ.keySerde().serializer(), Topics.WEBHOOK_DLQ.valueSerde().serializer())) {
                for (String alert : List.of("a-" + run, "b-" + run, "c-" + run)) {
                    dlq.send(new ProducerRecord<>(Topics.WEBHOOK_DLQ.name(), id, deadLetter(id, alert))).get();
                    dlq.send(new ProducerRecord<>(Topics.WEBHOOK_DLQ.name(), "other-" + run,
                            deadLetter("other-" + run, "x" + alert))).get();
                }
            }

            receiver.answer(503);
            Redrive.Result down = Redrive.run(kafka, settings, id, new SimpleMeterRegistry());
            assertThat(down.delivered()).isZero();
            assertThat(down.failure()).contains("dlv-a-" + run).contains("HTTP 503");

            receiver.answer(200);
            Redrive.Result up = Redrive.run(kafka, settings, id, new SimpleMeterRegistry());
            assertThat(up.failure()).isNull();
            assertThat(up.delivered()).isEqualTo(3);
            assertThat(receiver.deliveries).extracting(d -> Topics.ALERTS.valueSerde().deserializer()
                    .deserialize("t", d.body()).id()).containsExactly("a-" + run, "b-" + run, "c-" + run);
            assertThat(receiver.deliveries).extracting(Receiver.Delivery::deliveryId)
                    .containsExactly("dlv-a-" + run, "dlv-b-" + run, "dlv-c-" + run);
            for (Receiver.Delivery d : receiver.deliveries) {
                assertThat(Signatures.verify("s3cret", d.deliveryId(), d.body(), d.signature())).isTrue();
            }

            Redrive.Result again = Redrive.run(kafka, settings, id, new SimpleMeterRegistry());
            assertThat(again.delivered()).as("nothing twice").isZero();
            assertThat(receiver.deliveries).hasSize(3);
        } finally {
            store.delete(id); // the alerts service of another test on this broker would deliver to it
            store.close();
        }
    }

    private static WebhookDeadLetter deadLetter(String subscription, String alertId) {
        AlertEvent event = AlertEvent.of(new Alert(alertId, "opened", "dev-" + alertId, "title " + alertId, "",
                Severity.HIGH, List.of(), List.of(), List.of(), List.of(), List.of(), null, null,
                new Lineage("t", "default", List.of()), Instant.EPOCH, 1, 1, List.of(), null));
        return new WebhookDeadLetter(subscription, "dlv-" + alertId, "http://127.0.0.1/hook", 1, "HTTP 400", event,
                Instant.now());
    }
}
