package org.karaul.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Pins every property a subscription's consumer gets, so that moving how they are built changes none. */
class WebhookConsumerPropertiesTest {
    @Test
    void shouldReadCommittedInTheSubscriptionsOwnGroupTwentyRecordsAPoll() {
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", "localhost:9092");
        kafka.put("session.timeout.ms", "10000");
        kafka.put("enable.auto.commit", "true");
        Properties want = new Properties();
        want.put("bootstrap.servers", "localhost:9092");
        want.put("session.timeout.ms", "10000");
        want.put("group.id", "karaul-webhook-ops");
        want.put("isolation.level", "read_committed");
        want.put("enable.auto.commit", "false");
        want.put("max.poll.records", "20");
        assertThat(WebhookWorker.consumerProperties("ops", kafka, "karaul-webhook-")).isEqualTo(want);
        assertThat(kafka).as("the caller's settings are left alone").containsEntry("enable.auto.commit", "true");
    }
}
