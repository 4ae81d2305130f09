package org.karaul.alerts.develop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.karaul.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupingRulesTest {
    @TempDir
    Path dir;

    @Test
    void shouldLoadTheBundledRulesWithOwners() {
        GroupingRules rules = GroupingRules.load(null);
        assertThat(rules.window()).isEqualTo(Duration.ofHours(24));
        assertThat(rules.quiet()).isEqualTo(Duration.ofHours(6));
        assertThat(rules.ownerOf("kabar-en")).isEqualTo(rules.ownerOf("kabar")).isEqualTo("kg-state");
        assertThat(rules.ownerOf("steppe-wire")).isEqualTo("steppe-wire");
    }

    @Test
    void shouldStopStartUpOnABadFile() throws Exception {
        Path bad = dir.resolve("grouping.yaml");
        Files.writeString(bad, "window: 1d\nquiet: 6h\nthreshold: 1.5\nminTextSimilarity: 0.1\ngroupBonus: 0.2\ncategoryBonus: 0.1\n"
                + "familyMinTextSimilarity: 0.5\ncloseInTime: 3h\ntimeBonus: 0.1\n");
        assertThatThrownBy(() -> GroupingRules.load(bad)).isInstanceOf(ConfigException.class).hasMessageContaining("threshold");
        Files.writeString(bad, "quiet: 6h\nthreshold: 0.3\nminTextSimilarity: 0.1\ngroupBonus: 0.2\ncategoryBonus: 0.1\n");
        assertThatThrownBy(() -> GroupingRules.load(bad)).isInstanceOf(ConfigException.class).hasMessageContaining("window");
    }
}
