package org.karaul.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.karaul.config.Settings;

/**
 * Pins every property the alert stream and the dispatcher's group members get, by name and by value type, so that
 * moving how they are built cannot change what the Kafka clients are given.
 */
class AlertsStreamsPropertiesTest {
    @Test
    void shouldGiveTheStreamAndTheGroupMembersExactlyTheseDefaults() {
        AlertsConfig config = AlertsConfig.from(Settings.of(AlertsConfig.DEFAULTS, Map.of()));
        assertThat(AlertsApp.streamsProperties(config)).isEqualTo(streams(client(null)));
        assertThat(AlertsApp.memberOf(config)).isEqualTo(client(null));
    }

    @Test
    void shouldAddTheStaticMemberIdAndTheOverridesAndNothingElse() {
        AlertsConfig config = AlertsConfig.from(Settings.of(AlertsConfig.DEFAULTS, Map.of(
                "alerts.group.instance.id", "node-1", "alerts.commit.interval", "200ms",
                "alerts.state.dir", "/var/lib/karaul-alerts")));
        Properties want = streams(client("node-1"));
        want.put("commit.interval.ms", 200L);
        want.put("state.dir", "/var/lib/karaul-alerts");
        assertThat(AlertsApp.streamsProperties(config)).isEqualTo(want);
        assertThat(AlertsApp.memberOf(config)).isEqualTo(client("node-1"));
    }

    private static Properties client(String instanceId) {
        Properties p = new Properties();
        p.put("bootstrap.servers", "localhost:9092");
        p.put("session.timeout.ms", "10000");
        p.put("heartbeat.interval.ms", "3000");
        if (instanceId != null) {
            p.put("group.instance.id", instanceId);
        }
        return p;
    }

    private static Properties streams(Properties client) {
        Properties p = new Properties();
        p.putAll(client);
        p.put("application.id", "karaul-alerts");
        p.put("processing.guarantee", "exactly_once_v2");
        p.put("state.dir", "/tmp/karaul-alerts-streams");
        p.put("commit.interval.ms", 50L);
        p.put("restore.consumer.fetch.max.wait.ms", 10);
        p.put("producer.retry.backoff.ms", 10L);
        p.put("main.consumer.retry.backoff.ms", 10L);
        return p;
    }
}
