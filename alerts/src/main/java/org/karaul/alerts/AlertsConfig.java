package org.karaul.alerts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.karaul.config.Settings;

/** The alerts service's settings, documented in {@code alerts-defaults.properties}. */
public record AlertsConfig(
        String applicationId,
        Path rulesPath,
        Path stateDir,
        Duration commitInterval,
        String dispatchGroupId,
        boolean console,
        boolean createTopics,
        String opsHost,
        int opsPort,
        Properties kafka) {

    public static final String DEFAULTS = "alerts-defaults.properties";

    public static AlertsConfig from(Settings s) {
        return new AlertsConfig(
                s.string("alerts.application.id"),
                s.optionalPath("alerts.rules.path"),
                Path.of(s.string("alerts.state.dir")),
                s.duration("alerts.commit.interval"),
                s.string("alerts.dispatch.group.id"),
                s.bool("alerts.console.enabled"),
                s.bool("alerts.topics.create"),
                s.string("alerts.ops.host"),
                s.intValue("alerts.ops.port", -1, 65535),
                s.kafkaProperties());
    }
}
