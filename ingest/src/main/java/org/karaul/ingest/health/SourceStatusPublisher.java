package org.karaul.ingest.health;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.karaul.contract.SourceStatus;
import org.karaul.contract.kafka.Topics;
import org.karaul.streams.ClientProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each source's health after every poll to the compacted {@code karaul.sources.status} topic, so the desk sees
 * a silent or broken source. Sends run on a thread of their own, so a poll never waits for them (a missing topic or an
 * absent broker costs the poll nothing; at most 1,000 wait, the oldest dropped first), and a failed send is only
 * logged: the next poll writes the source's state again.
 */
public final class SourceStatusPublisher implements Consumer<SourceHealth>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SourceStatusPublisher.class);
    private final KafkaProducer<String, SourceStatus> producer;
    private final Clock clock;
    private final java.util.concurrent.ThreadPoolExecutor sender = new java.util.concurrent.ThreadPoolExecutor(1, 1, 0,
            java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(1000), r -> {
                Thread t = new Thread(r, "source-status");
                t.setDaemon(true);
                return t;
            }, new java.util.concurrent.ThreadPoolExecutor.DiscardOldestPolicy());

    public SourceStatusPublisher(Properties kafka, Clock clock) {
        Properties p = ClientProperties.from(kafka).idempotent().notTransactional()
                .set(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000").build();
        this.producer = new KafkaProducer<>(p, Topics.SOURCE_STATUS.keySerde().serializer(),
                Topics.SOURCE_STATUS.valueSerde().serializer());
        this.clock = clock;
    }

    /** The contract's form of a health record. */
    public static SourceStatus status(SourceHealth h, java.time.Instant at) {
        return new SourceStatus(h.sourceId(), h.state().name().toLowerCase(Locale.ROOT), h.consecutiveFailures(),
                h.consecutiveEmpty(), h.lastSuccess(), h.lastNewItem(), h.lastError(), at);
    }

    @Override
    public void accept(SourceHealth h) {
        java.time.Instant at = clock.instant();
        sender.execute(() -> send(h, at));
    }

    private void send(SourceHealth h, java.time.Instant at) {
        try {
            producer.send(new ProducerRecord<>(Topics.SOURCE_STATUS.name(), h.sourceId(), status(h, at)),
                    (meta, e) -> {
                        if (e != null) {
                            LOG.warn("could not write the status of source {} to {}: {}", h.sourceId(),
                                    Topics.SOURCE_STATUS.name(), e.toString());
                        }
                    });
        } catch (RuntimeException e) {
            LOG.warn("could not write the status of source {} to {}: {}", h.sourceId(), Topics.SOURCE_STATUS.name(),
                    e.toString());
        }
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(3, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(2));
    }
}
