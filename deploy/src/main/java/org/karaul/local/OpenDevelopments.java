package org.karaul.local;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.karaul.contract.Development;
import org.karaul.contract.DevelopmentStatus;
import org.karaul.contract.kafka.Topics;
import org.karaul.streams.ClientProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the developments not closed, following {@code karaul.developments} from its start without a consumer group
 * (committed records only), so the count survives restarts and includes what earlier runs opened.
 */
final class OpenDevelopments implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenDevelopments.class);

    private final KafkaConsumer<String, Development> consumer;
    private final Thread thread;
    private final Set<String> open = new HashSet<>();
    private volatile boolean stopping;

    private OpenDevelopments(KafkaConsumer<String, Development> consumer) {
        this.consumer = consumer;
        this.thread = new Thread(this::follow, "karaul-open-developments");
        this.thread.setDaemon(true);
    }

    static OpenDevelopments start(Properties kafka) {
        OpenDevelopments d = new OpenDevelopments(new KafkaConsumer<>(
                ClientProperties.from(kafka).readCommitted().manualCommit().build(), Topics.DEVELOPMENTS.keySerde().deserializer(),
                Topics.DEVELOPMENTS.valueSerde().deserializer()));
        d.thread.start();
        return d;
    }

    /** Developments seen opened, updated or escalated and not closed since. */
    synchronized int count() {
        return open.size();
    }

    private void follow() {
        try {
            List<TopicPartition> parts = consumer.partitionsFor(Topics.DEVELOPMENTS.name(), Duration.ofMinutes(2)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            while (!stopping) {
                for (ConsumerRecord<String, Development> r : consumer.poll(Duration.ofSeconds(1))) {
                    note(r.key(), r.value());
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.warn("stopped counting open developments: {}", e.toString());
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private synchronized void note(String id, Development d) {
        if (d == null || d.status() == DevelopmentStatus.CLOSED) {
            open.remove(id);
        } else {
            open.add(id);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        consumer.wakeup();
        thread.join(10_000);
    }
}
