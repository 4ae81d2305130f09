package org.karaul.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.karaul.config.ConfigException;
import org.karaul.config.Settings;
import org.karaul.streams.StreamsHealth;
import org.junit.jupiter.api.Test;

/** The recovery settings of the defaults file reach Kafka Streams. */
class ProcessorConfigTest {
    @Test
    void shouldUseDynamicMembershipAndATenSecondSessionTimeoutByDefault() {
        Properties p = ProcessorApp.streamsProperties(ProcessorConfig.from(Settings.of(ProcessorConfig.DEFAULTS, Map.of())));
        assertThat(p).doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        assertThat(p.get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)).isEqualTo("10000");
        assertThat(p.get(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG)).isEqualTo("3000");
    }

    @Test
    void shouldUseStaticMembershipWhenAnInstanceIdIsSet() {
        ProcessorConfig config = ProcessorConfig.from(Settings.of(ProcessorConfig.DEFAULTS, Map.of(
                "processor.group.instance.id", "node-1", "kafka.session.timeout.ms", "6000")));
        Properties p = ProcessorApp.streamsProperties(config);
        assertThat(p.get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)).isEqualTo("node-1");
        assertThat(p.get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)).isEqualTo("6000");
    }

    @Test
    void shouldReadTheSizeLimits() {
        ProcessorConfig config = ProcessorConfig.from(Settings.of(ProcessorConfig.DEFAULTS, Map.of()));
        assertThat(config.itemsMaxBytes()).isEqualTo(512 * 1024);
        assertThat(config.deadLetterMaxBytes()).isEqualTo(512 * 1024);
    }

    @Test
    void shouldRefuseTheDevelopmentKeysNamingTheirNewPlaceInTheAlertsService() {
        assertThatThrownBy(() -> Settings.of(ProcessorConfig.DEFAULTS, Map.of("processor.developments.rules.path", "g.yaml")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("processor.developments.rules.path")
                .hasMessageContaining("alerts.developments.rules.path");
        assertThatThrownBy(() -> Settings.load(ProcessorConfig.DEFAULTS, null,
                Map.of("KARAUL_PROCESSOR_DEVELOPMENTS_ITEMS_MAX_BYTES", "1000000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("alerts.developments.max.bytes");
    }

    @Test
    void shouldReadTheThreadReplacementLimitOfHealthAndNameABadOne() {
        ProcessorConfig config = ProcessorConfig.from(Settings.of(ProcessorConfig.DEFAULTS, Map.of()));
        assertThat(config.health()).isEqualTo(new StreamsHealth.Limit(3, Duration.ofMinutes(10)));
        assertThatThrownBy(() -> ProcessorConfig.from(Settings.of(ProcessorConfig.DEFAULTS,
                Map.of("processor.health.thread.replacements.max", "-1"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("processor.health.thread.replacements.max");
    }
}
