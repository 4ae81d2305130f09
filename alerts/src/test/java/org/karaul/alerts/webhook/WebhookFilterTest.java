package org.karaul.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.karaul.contract.Alert;
import org.karaul.contract.Lineage;
import org.karaul.contract.Severity;
import org.karaul.contract.WebhookSubscription;
import org.junit.jupiter.api.Test;

class WebhookFilterTest {
    private static Alert alert(Severity severity, String category, String country) {
        return new Alert("a", "opened", "d", "t", "s", severity, List.of(category), List.of(country), List.of(), List.of(),
                List.of(), null, null, new Lineage("t1", "default", List.of()), Instant.EPOCH, 1, 1, List.of(), null);
    }

    private static WebhookSubscription sub(List<String> categories, List<String> countries, Severity min) {
        return new WebhookSubscription("s", "https://x.example/", "k", categories, countries, min, Instant.EPOCH);
    }

    @Test
    void shouldMatchSeverityCategoryOrFamilyAndCountry() {
        Alert a = alert(Severity.HIGH, "terrorism.plot_disrupted", "TJ");
        assertThat(WebhookFilter.accepts(sub(List.of(), List.of(), Severity.INFO), a)).isTrue();
        assertThat(WebhookFilter.accepts(sub(List.of("terrorism"), List.of("TJ"), Severity.HIGH), a)).isTrue();
        assertThat(WebhookFilter.accepts(sub(List.of("terrorism.plot_disrupted"), List.of(), Severity.MEDIUM), a)).isTrue();
        assertThat(WebhookFilter.accepts(sub(List.of("terror"), List.of(), Severity.INFO), a)).isFalse();
        assertThat(WebhookFilter.accepts(sub(List.of(), List.of("KG"), Severity.INFO), a)).isFalse();
        assertThat(WebhookFilter.accepts(sub(List.of(), List.of(), Severity.CRITICAL), a)).isFalse();
    }
}
