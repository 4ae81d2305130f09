package org.karaul.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.karaul.config.Settings;

/**
 * The ingest service's settings, read once at start-up; an invalid value stops it naming the key.
 * Every key is documented in {@code ingest-defaults.properties}.
 */
public record IngestConfig(
        Path sourcesPath,
        String userAgent,
        Duration httpTimeout,
        long maxBodyBytes,
        Duration hostDelay,
        boolean obeyRobots,
        boolean fetchArticles,
        int brokenAfter,
        int silentAfter,
        int itemsMaxBytes,
        String transactionalId,
        Duration publishRetryBackoffMax,
        long publishPendingMaxBytes,
        boolean createTopics,
        String opsHost,
        int opsPort,
        Properties kafka) {

    public static final String DEFAULTS = "ingest-defaults.properties";

    public static IngestConfig from(Settings s) {
        return new IngestConfig(
                s.optionalPath("ingest.sources.path"),
                s.string("ingest.user.agent"),
                s.duration("ingest.http.timeout"),
                s.intValue("ingest.http.max.body.bytes", 1024, Integer.MAX_VALUE),
                s.duration("ingest.http.host.delay"),
                s.bool("ingest.http.robots"),
                s.bool("ingest.fetch.articles"),
                s.intValue("ingest.health.broken.after.failures", 1, 1000),
                s.intValue("ingest.health.silent.after.polls", 1, 100000),
                s.intValue("ingest.items.max.bytes", 1024, 64 * 1024 * 1024),
                s.string("ingest.transactional.id"),
                s.duration("ingest.publish.retry.backoff.max"),
                s.intValue("ingest.publish.pending.max.bytes", 1024 * 1024, Integer.MAX_VALUE),
                s.bool("ingest.topics.create"),
                s.string("ingest.ops.host"),
                s.intValue("ingest.ops.port", -1, 65535),
                s.kafkaProperties());
    }
}
