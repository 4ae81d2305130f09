package org.karaul.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.karaul.config.Settings;
import org.junit.jupiter.api.Test;

/** The recovery settings of the defaults file reach the publisher stream and the dispatcher's consumer. */
class AlertsConfigTest {
    @Test
    void shouldUseDynamicMembershipAndATenSecondSessionTimeoutByDefault() {
        AlertsConfig config = AlertsConfig.from(Settings.of(AlertsConfig.DEFAULTS, Map.of()));
        for (Properties p : new Properties[] {AlertsApp.streamsProperties(config), AlertsApp.memberOf(config)}) {
            assertThat(p).doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
            assertThat(p.get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)).isEqualTo("10000");
        }
    }

    @Test
    void shouldUseStaticMembershipWhenAnInstanceIdIsSet() {
        AlertsConfig config = AlertsConfig.from(Settings.of(AlertsConfig.DEFAULTS, Map.of("alerts.group.instance.id", "node-1")));
        assertThat(AlertsApp.streamsProperties(config).get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)).isEqualTo("node-1");
        assertThat(AlertsApp.memberOf(config).get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)).isEqualTo("node-1");
        assertThat(config.kafka()).as("not for the group-less readers").doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    }
}
