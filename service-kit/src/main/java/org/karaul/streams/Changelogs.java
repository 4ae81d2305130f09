package org.karaul.streams;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Changelog settings for a key-value store whose keys are written over and over (a development changes with each of
 * its items): compacted within minutes instead of never in practice.
 *
 * <p>An in-memory store is rebuilt from its whole changelog at each start. Kafka compacts only closed segments, and
 * with the broker defaults (a segment closes at 1 GiB or after 7 days) a changelog is read back with every value each
 * key ever had: a restart reads more the longer the service has run. Here a segment closes after {@link #SEGMENT}
 * and is compacted once a tenth of the log is superseded, so a restart reads about the live keys plus the last
 * minute or two of writes. Compaction keeps each key's latest value and honours transactions (aborted writes go,
 * markers stay until no longer needed), so what a restore rebuilds is the same. These settings take effect when
 * Kafka Streams creates the changelog; an existing one keeps its own (change them with {@code kafka-configs}).
 */
public final class Changelogs {
    /** How long a changelog segment stays open before it can be compacted. */
    public static final Duration SEGMENT = Duration.ofMinutes(1);
    /** The share of superseded records in a changelog at which the broker compacts it. */
    public static final String DIRTY_RATIO = "0.1";
    private static final Map<String, String> COMPACTED_SOON = Map.of(
            TopicConfig.SEGMENT_MS_CONFIG, Long.toString(SEGMENT.toMillis()),
            TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, DIRTY_RATIO);

    private Changelogs() {
    }

    /** {@code store} with its changelog compacted soon (and caching as the builder had it). */
    public static <S extends StateStore> StoreBuilder<S> compactedSoon(StoreBuilder<S> store) {
        return store.withLoggingEnabled(COMPACTED_SOON);
    }

    /** The changelog topic settings {@link #compactedSoon} gives. */
    public static Map<String, String> settings() {
        return COMPACTED_SOON;
    }
}
