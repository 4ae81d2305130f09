package org.karaul.alerts.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.karaul.alerts.AlertsConfig;
import org.karaul.config.Settings;
import org.karaul.contract.Alert;
import org.karaul.contract.Lineage;
import org.karaul.contract.Severity;
import org.karaul.contract.SourceRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The STIX file drop as the dispatcher uses it; the bundle's content is tested in the export module. */
class StixDropSinkTest {
    private static Alert alert() {
        Instant t = Instant.parse("2026-11-22T06:40:00Z");
        return new Alert("dev-7.opened.high.0-3", "opened", "dev-7", "Clash at the border", "Two killed.", Severity.HIGH,
                List.of("border.interstate_clash"), List.of("KG", "TJ"), List.of("isis"),
                List.of(new SourceRef("kabar", "https://kabar.example/a", "B")), List.of(), t, t,
                new Lineage("t", "default.high", List.of()), t, 1, 1, List.of(), null);
    }

    @Test
    void shouldBeOffUnlessADirectoryIsConfigured(@TempDir Path dir) {
        assertThat(AlertsConfig.from(Settings.of(AlertsConfig.DEFAULTS, Map.of())).stixExportDir()).isNull();
        assertThat(AlertsConfig.from(Settings.of(AlertsConfig.DEFAULTS, Map.of("alerts.export.stix.dir", dir.toString())))
                .stixExportDir()).isEqualTo(dir);
    }

    @Test
    void shouldDropOneBundleFilePerAlert(@TempDir Path dir) throws Exception {
        StixDropSink sink = new StixDropSink(dir);

        sink.deliver(alert());

        Path file = dir.resolve("dev-7.opened.high.0-3.json");
        JsonNode bundle = new ObjectMapper().readTree(file.toFile());
        assertThat(bundle.path("type").asText()).isEqualTo("bundle");
        assertThat(bundle.path("objects").findValuesAsText("type")).contains("report", "location", "intrusion-set");
        assertThat(bundle.path("objects").findValuesAsText("name")).contains("Clash at the border", "Islamic State");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void shouldThrowWhenItCannotWriteSoTheDispatcherRetries(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("stix");
        StixDropSink sink = new StixDropSink(target);
        Files.delete(target);
        Files.writeString(target, "a file where the directory was");

        assertThatThrownBy(() -> sink.deliver(alert())).isInstanceOf(java.io.IOException.class);
    }
}
