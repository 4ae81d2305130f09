package org.karaul.alerts.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.karaul.contract.Alert;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.Lineage;
import org.karaul.contract.Severity;
import org.karaul.contract.kafka.Topics;

/** Alerts as the webhook worker tests feed them to a mock consumer, and where that consumer has committed. */
final class AlertRecords {
    static final TopicPartition TP = new TopicPartition(Topics.ALERTS.name(), 0);

    private AlertRecords() {
    }

    static AlertEvent event(String id) {
        return AlertEvent.of(new Alert(id, "opened", "dev-" + id, "title " + id, "", Severity.HIGH, List.of(), List.of(),
                List.of(), List.of(), List.of(), null, null, new Lineage("t", "default", List.of()), Instant.EPOCH,
                1, 1, List.of(), null));
    }

    static byte[] serialize(AlertEvent e) {
        return Topics.ALERTS.valueSerde().serializer().serialize(Topics.ALERTS.name(), e);
    }

    /** The committed offset of {@link #TP}, 0 before the first commit. */
    static long committed(MockConsumer<byte[], byte[]> consumer) {
        OffsetAndMetadata committed = consumer.committed(Set.of(TP)).get(TP);
        return committed == null ? 0 : committed.offset();
    }
}
