package org.karaul.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
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
}
