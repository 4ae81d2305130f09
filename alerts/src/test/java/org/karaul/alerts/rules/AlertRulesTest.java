package org.karaul.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.karaul.config.ConfigException;
import org.karaul.contract.Severity;
import org.karaul.contract.SourceRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertRulesTest {
    @TempDir
    Path dir;

    @Test
    void shouldLayerCategoryThenCountryOverridesOnTheDefaults() {
        AlertRules rules = AlertRules.load(null);
        AlertRule plain = rules.resolve("trafficking.drugs", "KG");
        assertThat(plain.id()).isEqualTo("default");
        assertThat(plain.minSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(plain.sourcesNeeded(Severity.HIGH)).isEqualTo(2);
        assertThat(plain.sourcesNeeded(Severity.MEDIUM)).isEqualTo(1);
        assertThat(plain.cooldown()).isEqualTo(Duration.ofMinutes(10));

        assertThat(plain.sourcesNeeded(Severity.CRITICAL)).isEqualTo(1);

        AlertRule fakesInAf = rules.resolve("hybrid.disinformation", "AF");
        assertThat(fakesInAf.id()).isEqualTo("category:hybrid.disinformation+country:AF");
        assertThat(fakesInAf.minSeverity()).as("country override").isEqualTo(Severity.HIGH);
        assertThat(fakesInAf.sourcesNeeded(Severity.MEDIUM)).as("category override").isEqualTo(2);
        assertThat(fakesInAf.sourcesNeeded(Severity.HIGH)).as("merged per severity from the defaults").isEqualTo(2);
    }

    @Test
    void shouldPassOnCorroborationOrATrustedGrade() {
        AlertRule rule = AlertRules.load(null).resolve("trafficking.drugs", "TJ");
        List<SourceRef> one = List.of(new SourceRef("a", null, "B"));
        assertThat(rule.passes(Severity.HIGH, 1, one)).isFalse();
        assertThat(rule.passes(Severity.HIGH, 2, one)).isTrue();
        assertThat(rule.passes(Severity.HIGH, 1, List.of(new SourceRef("a", null, "A")))).isTrue();
        assertThat(rule.passes(Severity.LOW, 5, one)).isFalse();
    }

    @Test
    void shouldStopStartUpOnABadRulesFileNamingTheProblem() throws Exception {
        Path bad = dir.resolve("rules.yaml");
        Files.writeString(bad, "defaults: {minSeverity: urgent, cooldown: 5m, realertOnEscalation: true}\n");
        assertThatThrownBy(() -> AlertRules.load(bad)).hasMessageContaining("urgent");
        Files.writeString(bad, "defaults: {minSeverity: high, cooldown: soon, realertOnEscalation: true}\n");
        assertThatThrownBy(() -> AlertRules.load(bad)).isInstanceOf(ConfigException.class).hasMessageContaining("soon");
        Files.writeString(bad, "defaults: {minSeverity: high, realertOnEscalation: true}\n");
        assertThatThrownBy(() -> AlertRules.load(bad)).isInstanceOf(ConfigException.class).hasMessageContaining("cooldown");
        Files.writeString(bad, "defaults: {minSeverity: high, cooldown: 1m, realertOnEscalation: true, corroboration: {high: 0}}\n");
        assertThatThrownBy(() -> AlertRules.load(bad)).isInstanceOf(ConfigException.class).hasMessageContaining("corroboration.high");
    }
}
