package org.karaul.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.karaul.alerts.AlertsConfig;
import org.karaul.config.Settings;
import picocli.CommandLine;

/** Which commit interval the alerts service is started with, by the options given. */
class LoadtestCommandTest {

    private static final Duration PROCESSOR = Duration.ofMillis(100);

    private static LoadtestCommand parsed(String... args) {
        LoadtestCommand command = new LoadtestCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void shouldStartTheAlertsServiceWithItsOwnDefaultWhenNoIntervalIsGiven() {
        Duration own = Settings.of(AlertsConfig.DEFAULTS, Map.of()).duration("alerts.commit.interval");

        assertThat(parsed().alertsCommit(PROCESSOR)).isEqualTo(own).isNotEqualTo(PROCESSOR);
    }

    @Test
    void shouldGiveTheAlertsServiceTheCommonIntervalWhenOnlyThatIsGiven() {
        assertThat(parsed("--commit-interval", "200ms").alertsCommit(Duration.ofMillis(200))).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void shouldPreferTheAlertsIntervalOverTheCommonOne() {
        LoadtestCommand command = parsed("--commit-interval", "200ms", "--alerts-commit-interval", "30ms");

        assertThat(command.alertsCommit(Duration.ofMillis(200))).isEqualTo(Duration.ofMillis(30));
    }

    @Test
    void shouldNameTheOptionOfABadInterval() {
        LoadtestCommand command = parsed("--alerts-commit-interval", "soon");

        assertThatThrownBy(() -> command.alertsCommit(PROCESSOR)).hasMessageContaining("--alerts-commit-interval");
    }
}
