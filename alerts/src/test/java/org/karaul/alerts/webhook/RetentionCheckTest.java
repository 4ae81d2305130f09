package org.karaul.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetentionCheckTest {
    @Test
    void shouldRefuseARetentionShorterThanTheMaximumRetryAge() {
        assertThat(RetentionCheck.problem(Duration.ofDays(1).toMillis(), Duration.ofDays(3)))
                .contains("karaul.alerts").contains("retention.ms=86400000").contains("alerts.webhooks.retry.max.age");
        assertThat(RetentionCheck.problem(Duration.ofDays(7).toMillis(), Duration.ofDays(3))).isNull();
        assertThat(RetentionCheck.problem(Duration.ofDays(3).toMillis(), Duration.ofDays(3))).isNull();
        assertThat(RetentionCheck.problem(-1, Duration.ofDays(3))).as("kept forever").isNull();
    }
}
