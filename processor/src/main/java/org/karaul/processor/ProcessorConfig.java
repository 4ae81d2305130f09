package org.karaul.processor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.karaul.config.Settings;
import org.karaul.deadletter.DeadLetters;
import org.karaul.streams.StreamsHealth;

/** The processor's settings, documented in {@code processor-defaults.properties}. */
public record ProcessorConfig(
        String applicationId,
        Path taxonomyPath,
        Path stateDir,
        int threads,
        Duration commitInterval,
        int itemsMaxBytes,
        int deadLetterMaxBytes,
        String groupInstanceId,
        boolean createTopics,
        String opsHost,
        int opsPort,
        StreamsHealth.Limit health,
        Properties kafka) {

    public static final String DEFAULTS = "processor-defaults.properties";

    public static ProcessorConfig from(Settings s) {
        return new ProcessorConfig(
                s.string("processor.application.id"),
                s.optionalPath("processor.taxonomy.path"),
                Path.of(s.string("processor.state.dir")),
                s.intValue("processor.threads", 1, 64),
                s.duration("processor.commit.interval"),
                s.intValue("processor.items.max.bytes", 1024, 64 * 1024 * 1024),
                s.intValue("processor.dead.letter.max.bytes", DeadLetters.EXCERPT_BYTES, 64 * 1024 * 1024),
                s.optionalString("processor.group.instance.id"),
                s.bool("processor.topics.create"),
                s.string("processor.ops.host"),
                s.intValue("processor.ops.port", -1, 65535),
                StreamsHealth.Limit.from(s, "processor"),
                s.kafkaProperties());
    }
}
