package org.karaul.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.karaul.config.ConfigException;
import org.karaul.config.Settings;
import org.karaul.streams.StreamsHealth;
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

    @Test
    void shouldReadTheThreadReplacementLimitOfHealth() {
        assertThat(config(Map.of()).health()).isEqualTo(new StreamsHealth.Limit(3, Duration.ofMinutes(10)));
        assertThat(config(Map.of("alerts.health.thread.replacements.window", "1h")).health().window())
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void shouldLookForTheFormerDevelopmentsGroupUnderItsOldDefaultNameUnlessTurnedOff() {
        assertThat(config(Map.of()).formerDevelopmentsGroup()).isEqualTo("karaul-processor-developments");
        assertThat(config(Map.of("alerts.developments.former.group", "")).formerDevelopmentsGroup()).isNull();
        assertThatThrownBy(() -> config(Map.of("alerts.developments.former.group", "karaul-alerts")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("alerts.developments.former.group")
                .hasMessageContaining("alerts.application.id");
    }

    private static final String KEY = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);

    private static AlertsConfig config(Map<String, String> overrides) {
        return AlertsConfig.from(Settings.of(AlertsConfig.DEFAULTS, overrides));
    }

    @Test
    void shouldKeepTheDeskOpenAndGenerateTheSecretKeyInTheStateDirOnLoopback() {
        AlertsConfig config = config(Map.of("alerts.state.dir", "/var/lib/karaul-alerts"));
        assertThat(config.httpSecurity().deskToken()).isNull();
        assertThat(config.webhookSettings().secretKeys().file()).isEqualTo(Path.of("/var/lib/karaul-alerts", "webhook-secret.keys"));
        assertThat(AlertsConfig.loopback("127.0.0.1")).isTrue();
        assertThat(AlertsConfig.loopback("localhost")).isTrue();
        assertThat(AlertsConfig.loopback("::1")).isTrue();
        assertThat(AlertsConfig.loopback("0.0.0.0")).isFalse();
    }

    @Test
    void shouldRefuseANonLoopbackAddressWithoutADeskToken() {
        assertThatThrownBy(() -> config(Map.of("alerts.http.host", "0.0.0.0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("alerts.desk.token").hasMessageContaining("0.0.0.0")
                .hasMessageContaining("not a loopback address");
        assertThatThrownBy(() -> config(Map.of("alerts.http.host", "0.0.0.0", "alerts.desk.token", "short")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("alerts.desk.token")
                .hasMessageContaining("16 characters").hasMessageNotContaining("short");
        assertThatThrownBy(() -> config(Map.of("alerts.http.host", "0.0.0.0", "alerts.desk.token", "d".repeat(16),
                "alerts.webhooks.token", "tiny"))).isInstanceOf(ConfigException.class).hasMessageContaining("alerts.webhooks.token");
    }

    @Test
    void shouldRefuseANonLoopbackAddressWithoutAKeyForTheWebhookSecrets() {
        Map<String, String> exposed = Map.of("alerts.http.host", "0.0.0.0", "alerts.desk.token", "d".repeat(16));
        assertThatThrownBy(() -> config(exposed)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("alerts.webhooks.secret.keys");
        Map<String, String> withKey = new HashMap<>(exposed);
        withKey.put("alerts.webhooks.secret.keys", KEY);
        AlertsConfig config = config(withKey);
        assertThat(config.webhookSettings().secretKeys().inline().ids()).containsExactly("k1");
        assertThat(config.httpSecurity().toString()).doesNotContain("d".repeat(16));
        Map<String, String> withFile = new HashMap<>(exposed);
        withFile.put("alerts.webhooks.secret.keys.file", "/etc/karaul/webhook.keys");
        assertThat(config(withFile).webhookSettings().secretKeys().file()).isEqualTo(Path.of("/etc/karaul/webhook.keys"));
        Map<String, String> noWebhooks = new HashMap<>(exposed);
        noWebhooks.put("alerts.webhooks.enabled", "false");
        assertThat(config(noWebhooks).webhooks()).isFalse();
        Map<String, String> noHttp = Map.of("alerts.http.host", "0.0.0.0", "alerts.http.port", "-1");
        assertThat(config(noHttp).httpPort()).as("nothing served, nothing exposed").isEqualTo(-1);
    }

    @Test
    void shouldNameABadSecretKeyWithoutShowingIt() {
        assertThatThrownBy(() -> config(Map.of("alerts.webhooks.secret.keys", "k1:c2hvcnQ=")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("alerts.webhooks.secret.keys")
                .hasMessageContaining("5 bytes").hasMessageNotContaining("c2hvcnQ=");
    }
}
