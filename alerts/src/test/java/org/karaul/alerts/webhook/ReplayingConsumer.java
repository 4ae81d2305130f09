package org.karaul.alerts.webhook;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/** A mock consumer that, like a real one, returns the records again after a seek back (MockConsumer forgets them). */
final class ReplayingConsumer extends MockConsumer<byte[], byte[]> {
    private final List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();

    ReplayingConsumer() {
        super(AutoOffsetResetStrategy.EARLIEST.name());
    }

    @Override
    public synchronized void addRecord(ConsumerRecord<byte[], byte[]> r) {
        all.add(r);
        super.addRecord(r);
    }

    @Override
    public synchronized void seek(TopicPartition tp, long offset) {
        super.seek(tp, offset);
        for (ConsumerRecord<byte[], byte[]> r : all) {
            if (r.partition() == tp.partition() && r.offset() >= offset) {
                super.addRecord(r);
            }
        }
    }
}
