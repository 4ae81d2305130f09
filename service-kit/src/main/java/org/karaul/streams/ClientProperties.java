package org.karaul.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka client and Streams settings every Karaul service uses, written once: exactly-once Streams applications,
 * read-committed consumers, idempotent producers and static group membership. Start from a module's {@code kafka.*}
 * pass-through settings (bootstrap servers, session timeout, heartbeat), add what the client is, and {@link #build()}.
 *
 * <pre>{@code
 * Properties streams = ClientProperties.from(config.kafka())
 *         .exactlyOnceStreams(config.applicationId(), config.stateDir(), config.commitInterval())
 *         .staticMember(config.groupInstanceId())
 *         .build();
 * }</pre>
 *
 * A later call overrides an earlier one for the same key, so the module's pass-through settings never override
 * what the client needs to be correct.
 */
public final class ClientProperties {
    private final Properties properties = new Properties();

    private ClientProperties(Properties kafka) {
        properties.putAll(kafka);
    }

    /** Starts from a copy of {@code kafka}, which is left as it is. */
    public static ClientProperties from(Properties kafka) {
        return new ClientProperties(Objects.requireNonNull(kafka, "kafka settings"));
    }

    /**
     * A Streams application with exactly-once v2 processing: its id (the consumer group and internal topics' prefix),
     * its local state directory, and how often it commits (how long a transaction stays open).
     */
    public ClientProperties exactlyOnceStreams(String applicationId, Path stateDir, Duration commitInterval) {
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, Objects.requireNonNull(applicationId, "application id"));
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        return this;
    }

    /**
     * A restore consumer that asks the broker to answer a fetch within {@code wait} when it has nothing new, instead
     * of the consumer default of 500 ms. Restoring after a restart reads changelogs to their end, one task after
     * another on one consumer, and each task's last fetch finds nothing new: with the default it is held at the
     * broker for half a second before the next task's changelogs can be fetched. The pass-through settings may
     * override it ({@code restore.consumer.fetch.max.wait.ms}).
     */
    public ClientProperties restoreFetchWait(Duration wait) {
        return setIfAbsent(StreamsConfig.restoreConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), (int) wait.toMillis());
    }

    /**
     * A Streams application whose producer and main consumer retry after {@code backoff} at first instead of the
     * client default of 100 ms (each retry after that waits twice as long, up to a second). A restarted instance
     * meets these waits on its way to its first output: its producer learns each output topic and changelog the
     * first time it writes to it, and asks for no two topics' metadata within the backoff, so a topology writing
     * eight topics waits up to 0.8 s before its first commit; its consumer asks again for committed offsets that the
     * killed instance's aborted transaction still holds. The pass-through settings may override either
     * ({@code producer.retry.backoff.ms}, {@code main.consumer.retry.backoff.ms}).
     */
    public ClientProperties firstRetryAfter(Duration backoff) {
        setIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), backoff.toMillis());
        return setIfAbsent(StreamsConfig.mainConsumerPrefix(ConsumerConfig.RETRY_BACKOFF_MS_CONFIG), backoff.toMillis());
    }

    /** How many stream threads a Streams application runs. */
    public ClientProperties streamThreads(int threads) {
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        return this;
    }

    /**
     * Static group membership under {@code groupInstanceId} (Streams adds each thread's index); none when it is null,
     * so the member is dynamic.
     */
    public ClientProperties staticMember(String groupInstanceId) {
        if (groupInstanceId != null) {
            properties.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, groupInstanceId);
        }
        return this;
    }

    /** A consumer in the group {@code groupId}. */
    public ClientProperties group(String groupId) {
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, Objects.requireNonNull(groupId, "group id"));
        return this;
    }

    /** A consumer in no group (it assigns itself partitions), whatever the pass-through settings say. */
    public ClientProperties noGroup() {
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return this;
    }

    /** A consumer that sees only committed transactions. */
    public ClientProperties readCommitted() {
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return this;
    }

    /** A consumer that commits its offsets itself, or not at all. */
    public ClientProperties manualCommit() {
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return this;
    }

    /** An idempotent producer that waits for every in-sync replica ({@code acks=all}). */
    public ClientProperties idempotent() {
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return this;
    }

    /** An idempotent producer whose transactions are named {@code transactionalId}, which is also its client id. */
    public ClientProperties transactional(String transactionalId) {
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, Objects.requireNonNull(transactionalId, "transactional id"));
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return idempotent();
    }

    /** A producer that is not transactional, whatever the pass-through settings say. */
    public ClientProperties notTransactional() {
        properties.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return this;
    }

    /** The cluster to connect to instead of the configured one, when {@code servers} is given (a command's --bootstrap). */
    public ClientProperties bootstrap(String servers) {
        if (servers != null) {
            properties.put("bootstrap.servers", servers);
        }
        return this;
    }

    /** Any other client setting, for what only one client needs. */
    public ClientProperties set(String key, Object value) {
        properties.put(key, value);
        return this;
    }

    /** A setting that the pass-through settings may override. */
    public ClientProperties setIfAbsent(String key, Object value) {
        properties.putIfAbsent(key, value);
        return this;
    }

    /** A fresh copy of the settings built so far. */
    public Properties build() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }
}
