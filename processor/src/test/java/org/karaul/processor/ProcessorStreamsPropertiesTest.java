package org.karaul.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.karaul.config.Settings;

/**
 * Pins every property the processor's Streams application gets, by name and by value type, so that moving how
 * they are built cannot change what Kafka Streams is given.
 */
class ProcessorStreamsPropertiesTest {
    @Test
    void shouldGiveTheApplicationExactlyTheseDefaults() {
        ProcessorConfig config = ProcessorConfig.from(Settings.of(ProcessorConfig.DEFAULTS, Map.of()));
        assertThat(ProcessorApp.streamsProperties(config)).isEqualTo(expected("karaul-processor", null));
    }

    @Test
    void shouldAddTheStaticMemberIdAndTheOverridesAndNothingElse() {
        ProcessorConfig config = ProcessorConfig.from(Settings.of(ProcessorConfig.DEFAULTS, Map.of(
                "processor.group.instance.id", "node-1", "processor.threads", "3", "processor.commit.interval", "1s",
                "processor.state.dir", "/var/lib/karaul", "kafka.session.timeout.ms", "6000")));
        Properties want = expected("karaul-processor", "node-1");
        want.put("num.stream.threads", 3);
        want.put("commit.interval.ms", 1000L);
        want.put("state.dir", "/var/lib/karaul");
        want.put("session.timeout.ms", "6000");
        assertThat(ProcessorApp.streamsProperties(config)).isEqualTo(want);
    }

    private static Properties expected(String applicationId, String instanceId) {
        Properties p = new Properties();
        p.put("bootstrap.servers", "localhost:9092");
        p.put("session.timeout.ms", "10000");
        p.put("heartbeat.interval.ms", "3000");
        p.put("application.id", applicationId);
        p.put("processing.guarantee", "exactly_once_v2");
        p.put("state.dir", "/tmp/karaul-streams");
        p.put("num.stream.threads", 1);
        p.put("commit.interval.ms", 100L);
        if (instanceId != null) {
            p.put("group.instance.id", instanceId);
        }
        return p;
    }
}
