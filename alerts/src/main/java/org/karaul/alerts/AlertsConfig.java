package org.karaul.alerts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.karaul.alerts.webhook.UrlGuard;
import org.karaul.alerts.webhook.WebhookSettings;
import org.karaul.config.ConfigException;
import org.karaul.config.Settings;
import org.karaul.deadletter.DeadLetters;

/** The alerts service's settings, documented in {@code alerts-defaults.properties}. */
public record AlertsConfig(
        String applicationId,
        Path rulesPath,
        Path stateDir,
        Duration commitInterval,
        int developmentsMaxBytes,
        int deadLetterMaxBytes,
        String groupInstanceId,
        String dispatchGroupId,
        boolean console,
        boolean createTopics,
        String opsHost,
        int opsPort,
        String httpHost,
        int httpPort,
        int deskKeep,
        boolean webhooks,
        WebhookSettings webhookSettings,
        Path stixExportDir,
        Properties kafka) {

    public static final String DEFAULTS = "alerts-defaults.properties";

    public static AlertsConfig from(Settings s) {
        return new AlertsConfig(
                s.string("alerts.application.id"),
                s.optionalPath("alerts.rules.path"),
                Path.of(s.string("alerts.state.dir")),
                s.duration("alerts.commit.interval"),
                s.intValue("alerts.developments.max.bytes", 1024, 64 * 1024 * 1024),
                s.intValue("alerts.dead.letter.max.bytes", DeadLetters.EXCERPT_BYTES, 64 * 1024 * 1024),
                s.optionalString("alerts.group.instance.id"),
                s.string("alerts.dispatch.group.id"),
                s.bool("alerts.console.enabled"),
                s.bool("alerts.topics.create"),
                s.string("alerts.ops.host"),
                s.intValue("alerts.ops.port", -1, 65535),
                s.string("alerts.http.host"),
                s.intValue("alerts.http.port", -1, 65535),
                s.intValue("alerts.desk.keep", 1, 100_000),
                s.bool("alerts.webhooks.enabled"),
                webhookSettings(s),
                s.optionalPath("alerts.export.stix.dir"),
                s.kafkaProperties());
    }

    private static WebhookSettings webhookSettings(Settings s) {
        String allowText = s.optionalString("alerts.webhooks.allow");
        List<String> allow = allowText == null ? List.of() : Arrays.stream(allowText.split(",")).map(String::trim)
                .filter(x -> !x.isEmpty()).toList();
        try {
            new UrlGuard(allow);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("alerts.webhooks.allow", s.origin("alerts.webhooks.allow"), e.getMessage());
        }
        return new WebhookSettings(s.optionalString("alerts.webhooks.token"), allow,
                s.duration("alerts.webhooks.retry.max.age"),
                s.duration("alerts.webhooks.backoff.initial"),
                s.duration("alerts.webhooks.backoff.max"),
                s.duration("alerts.webhooks.timeout"),
                s.string("alerts.webhooks.group.prefix"));
    }
}
