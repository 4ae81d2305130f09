package org.karaul.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    private static final String DEFAULTS = "sample-defaults.properties";

    @TempDir
    Path dir;

    @Test
    void shouldReadTypedDefaults() {
        Settings s = Settings.load(DEFAULTS, null, Map.of());
        assertThat(s.duration("sample.poll.interval")).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.intValue("sample.workers", 1, 16)).isEqualTo(4);
        assertThat(s.bool("sample.verbose")).isFalse();
        assertThat(s.optionalPath("sample.path")).isNull();
        assertThat(s.kafkaProperties()).containsEntry("bootstrap.servers", "localhost:9092");
    }

    @Test
    void shouldLetFileThenEnvironmentOverrideDefaults() throws IOException {
        Path file = Files.writeString(dir.resolve("s.properties"), "sample.workers=8\nsample.verbose=true\nkafka.linger.ms=20\n");
        Settings s = Settings.load(DEFAULTS, file, Map.of("KARAUL_SAMPLE_WORKERS", "12", "KARAUL_KAFKA_BOOTSTRAP_SERVERS", "b:1",
                "PATH", "/usr/bin", "KARAUL_OTHER_THING", "ignored: another service's namespace"));
        assertThat(s.intValue("sample.workers", 1, 16)).isEqualTo(12);
        assertThat(s.origin("sample.workers")).isEqualTo("environment KARAUL_SAMPLE_WORKERS");
        assertThat(s.bool("sample.verbose")).isTrue();
        assertThat(s.kafkaProperties()).containsEntry("bootstrap.servers", "b:1").containsEntry("linger.ms", "20");
    }

    @Test
    void shouldStopOnUnknownKeyInFileNamingKeyAndFile() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.properties"), "sample.wokers=8\n");
        assertThatThrownBy(() -> Settings.load(DEFAULTS, file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sample.wokers")
                .hasMessageContaining("bad.properties");
    }

    @Test
    void shouldStopOnUnknownEnvironmentVariableInOwnNamespace() {
        assertThatThrownBy(() -> Settings.load(DEFAULTS, null, Map.of("KARAUL_SAMPLE_WOKERS", "3")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("KARAUL_SAMPLE_WOKERS");
    }

    @Test
    void shouldNameKeyAndOriginOfAnInvalidValue() {
        Settings s = Settings.load(DEFAULTS, null, Map.of("KARAUL_SAMPLE_POLL_INTERVAL", "soon", "KARAUL_SAMPLE_WORKERS", "99"));
        assertThatThrownBy(() -> s.duration("sample.poll.interval"))
                .hasMessageContaining("sample.poll.interval").hasMessageContaining("soon")
                .hasMessageContaining("KARAUL_SAMPLE_POLL_INTERVAL");
        assertThatThrownBy(() -> s.intValue("sample.workers", 1, 16)).hasMessageContaining("between 1 and 16");
    }

    @Test
    void shouldParseShortAndIsoDurationsAndNameTheKeyOfABadOne() {
        assertThat(Settings.parseDuration("k", "90s", "f")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Settings.parseDuration("k", "PT15M", "f")).isEqualTo(Duration.ofMinutes(15));
        assertThatThrownBy(() -> Settings.parseDuration("sources[2].interval", "often", "sources.yaml"))
                .hasMessageContaining("sources[2].interval").hasMessageContaining("sources.yaml").hasMessageContaining("often");
    }

    @Test
    void shouldRejectAMissingFileWithItsPath() {
        Path missing = dir.resolve("nope.properties");
        assertThatThrownBy(() -> Settings.load(DEFAULTS, missing, Map.of())).hasMessageContaining("nope.properties");
    }
}
