package org.karaul.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.karaul.alerts.secrets.SecretKeys;
import org.karaul.alerts.secrets.SecretSealer;
import org.karaul.alerts.secrets.TestKeys;
import org.karaul.contract.Severity;
import org.karaul.contract.WebhookSubscription;
import org.karaul.contract.kafka.Topics;
import org.karaul.kafka.embedded.KafkaBrokerExtension;
import org.karaul.ops.TopicSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Subscriptions live on the compacted topic: a new store (a restarted service) loads what the last one left. */
@ExtendWith(KafkaBrokerExtension.class)
class SubscriptionStoreIT {

    /** Records what the store tells its listener. */
    static final class Recorder implements SubscriptionStore.Listener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void changed(WebhookSubscription s) {
            events.add("changed " + s.id());
        }

        @Override
        public void removed(String id) {
            events.add("removed " + id);
        }
    }

    @Test
    void shouldSurviveARestartWithDeletesApplied() throws Exception {
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", KafkaBrokerExtension.bootstrapServers());
        TopicSetup.ensure(kafka, List.of(Topics.WEBHOOK_SUBSCRIPTIONS));
        String run = Long.toHexString(System.nanoTime());
        WebhookSubscription kept = new WebhookSubscription("wh-kept-" + run, "https://a.example/hook", "k1", List.of("border"),
                List.of("KG"), Severity.HIGH, Instant.now());
        WebhookSubscription gone = new WebhookSubscription("wh-gone-" + run, "https://b.example/hook", "k2", List.of(),
                List.of(), Severity.INFO, Instant.now());

        Recorder first = new Recorder();
        try (SubscriptionStore store = SubscriptionStore.start(kafka, TestKeys.sealer(), first)) {
            store.put(kept);
            store.put(gone);
            assertThat(store.delete(gone.id())).isTrue();
            assertThat(store.delete("wh-never-" + run)).isFalse();
            assertThat(store.list()).contains(kept).doesNotContain(gone);
        }
        assertThat(first.events).containsSubsequence("changed " + kept.id(), "changed " + gone.id(), "removed " + gone.id());

        Recorder second = new Recorder();
        try (SubscriptionStore restarted = SubscriptionStore.start(kafka, TestKeys.sealer(), second)) {
            assertThat(restarted.list()).contains(kept).doesNotContain(gone);
            assertThat(second.events).contains("changed " + kept.id());
        }
    }

    /** The value of the latest record under {@code key} on the subscriptions topic, as text. */
    private static String latestRaw(Properties kafka, String key) {
        Properties p = new Properties();
        p.putAll(kafka);
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(Topics.WEBHOOK_SUBSCRIPTIONS.name(), 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            String latest = null;
            Instant deadline = Instant.now().plusSeconds(30);
            while (c.position(tp) < end && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key()) && r.value() != null) {
                        latest = new String(r.value(), StandardCharsets.UTF_8);
                    }
                }
            }
            return latest;
        }
    }

    @Test
    void shouldResealUnderANewFirstKeyAtStartUpAndSkipASecretNoConfiguredKeyOpens() throws Exception {
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", KafkaBrokerExtension.bootstrapServers());
        TopicSetup.ensure(kafka, List.of(Topics.WEBHOOK_SUBSCRIPTIONS));
        String run = Long.toHexString(System.nanoTime());
        String k1 = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
        String k2 = "k2:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        String k3 = "k3:" + Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
        WebhookSubscription s = new WebhookSubscription("wh-rotate-" + run, "https://a.example/hook", "rotating-secret-" + run,
                List.of(), List.of(), Severity.INFO, Instant.now());
        try (SubscriptionStore store = SubscriptionStore.start(kafka, new SecretSealer(SecretKeys.parse(k1)), new Recorder())) {
            store.put(s);
        }
        assertThat(latestRaw(kafka, s.id())).contains("\"sealedSecret\":\"v1:k1:").doesNotContain(s.secret());

        Recorder rotated = new Recorder();
        try (SubscriptionStore store = SubscriptionStore.start(kafka, new SecretSealer(SecretKeys.parse(k2 + "," + k1)), rotated)) {
            assertThat(store.list()).contains(s);
        }
        assertThat(latestRaw(kafka, s.id())).as("re-sealed under the new first key").contains("\"sealedSecret\":\"v1:k2:")
                .doesNotContain(s.secret());

        Recorder wrongKey = new Recorder();
        try (SubscriptionStore store = SubscriptionStore.start(kafka, new SecretSealer(SecretKeys.parse(k3)), wrongKey)) {
            assertThat(store.list()).extracting(WebhookSubscription::id).doesNotContain(s.id());
        }
        assertThat(wrongKey.events).doesNotContain("changed " + s.id());
        assertThat(latestRaw(kafka, s.id())).as("left as it was").contains("v1:k2:");
        try (SubscriptionStore store = SubscriptionStore.start(kafka, new SecretSealer(SecretKeys.parse(k2)), new Recorder())) {
            assertThat(store.delete(s.id())).isTrue();
        }
    }
}
